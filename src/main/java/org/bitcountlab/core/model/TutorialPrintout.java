package org.bitcountlab.core.model;

import org.bitcountlab.core.dataset.BitStrings;

/**
 * What the tutorial printed after its 600 epochs: its network's softmax for its example string
 * (count 12 at 98.26%) and its test error, so that a student can set ours beside them.
 */
public final class TutorialPrintout {

    /** The string the tutorial feeds its trained network, {@code [[1],[0],[0],[1],[1],[0],...]}. */
    public static final String EXAMPLE_BITS = "10011011101001101110";
    public static final int EXAMPLE_LENGTH = 20;
    /** "Epoch 600 error 0.3%": one decimal of the error on its 1,038,576 test strings. */
    public static final double PRINTED_ERROR_PERCENT = 0.3;

    /** The printed softmax over the counts 0..20, digit for digit. */
    private static final double[] SOFTMAX = {
        2.80220238e-08, 3.24575727e-10, 5.68697936e-11, 3.57573054e-10,
        9.62089857e-08, 1.30921896e-08, 2.14473985e-08, 5.21751364e-10,
        2.29034747e-08, 8.47907577e-10, 3.60394756e-06, 2.30961153e-03,
        9.82593179e-01, 1.50928665e-02, 4.23395448e-07, 1.06428047e-07,
        6.70640388e-09, 1.78888765e-10, 3.22445395e-08, 3.09186134e-08,
        3.70296416e-09,
    };

    private TutorialPrintout() {
    }

    public static int exampleValue() {
        return BitStrings.parse(EXAMPLE_BITS, EXAMPLE_LENGTH);
    }

    /** True for the tutorial's example string, the one string for which there is a printed softmax. */
    public static boolean isExample(int value, int length) {
        return length == EXAMPLE_LENGTH && value == exampleValue();
    }

    /** The tutorial's printed answer as a {@link Prediction}, to be drawn like one of ours. */
    public static Prediction prediction() {
        return new Prediction(exampleValue(), EXAMPLE_LENGTH, SOFTMAX.clone());
    }
}
