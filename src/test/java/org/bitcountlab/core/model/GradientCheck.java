package org.bitcountlab.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.nd4j.linalg.api.ndarray.INDArray;

/** How the equivalence tests compare arrays with DL4J's: the relative error of the whole array. */
final class GradientCheck {

    static final double TOLERANCE = 1e-4;

    private GradientCheck() {
    }

    /** max |a - b| / max |b| within {@link #TOLERANCE}, as gradient checks measure it. */
    static void assertClose(INDArray actual, INDArray expected) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        double scale = Math.max(expected.amaxNumber().doubleValue(), 1e-6);
        double maxDiff = actual.sub(expected).amaxNumber().doubleValue();
        assertThat(maxDiff / scale).as("relative error").isLessThanOrEqualTo(TOLERANCE);
    }
}
