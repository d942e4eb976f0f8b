package org.bitcountlab.core.model;

import java.lang.management.ManagementFactory;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * Branch-free tanh and sigmoid in float arithmetic only, so that loops calling them are
 * auto-vectorised by the JIT. {@link Math#tanh} and {@link Math#exp} are scalar calls and would
 * dominate the LSTM's elementwise work.
 *
 * <p>tanh is a 13/6 rational minimax approximation on [-7.905, 7.905] (the form used by Eigen's
 * float tanh), clamped outside, where float tanh is already +-1. Its error is a few float ulps.
 *
 * <p>The polynomials are evaluated with fused multiply-adds where the processor has them: the JIT
 * turns {@link Math#fma} into one vector instruction, a quarter faster than a product and a sum.
 * Where it has none (Intel's Celeron and Pentium N laptops, machines from before 2013), HotSpot
 * computes {@code Math.fma} in software through {@code BigDecimal}, and training ran 17 times slower;
 * there a product and a sum are used instead, which differ in the last bit at most. The choice is
 * made once, from what the JVM says it uses ({@link #FUSED}), and the JIT folds it away.
 */
public final class FastMath {

    /** Whether the multiply-adds are fused: true where the JVM uses the processor's FMA instructions. */
    public static final boolean FUSED = jvmUsesFma();

    private static final float CLAMP = 7.90531110763549805f;
    private static final float A1 = 4.89352455891786e-03f;
    private static final float A3 = 6.37261928875436e-04f;
    private static final float A5 = 1.48572235717979e-05f;
    private static final float A7 = 5.12229709037114e-08f;
    private static final float A9 = -8.60467152213735e-11f;
    private static final float A11 = 2.00018790482477e-13f;
    private static final float A13 = -2.76076847742355e-16f;
    private static final float B0 = 4.89352518554385e-03f;
    private static final float B2 = 2.26843463243900e-03f;
    private static final float B4 = 1.18534705686654e-04f;
    private static final float B6 = 1.19825839466702e-06f;

    private FastMath() {
    }

    public static float tanh(float value) {
        return tanh(value, FUSED);
    }

    public static float sigmoid(float x) {
        return sigmoid(x, FUSED);
    }

    /** a * b + c, fused where the processor can. */
    public static float multiplyAdd(float a, float b, float c) {
        return multiplyAdd(a, b, c, FUSED);
    }

    static float tanh(float value, boolean fused) {
        float x = Math.max(-CLAMP, Math.min(CLAMP, value));
        float x2 = x * x;
        float p = multiplyAdd(x2, A13, A11, fused);
        p = multiplyAdd(x2, p, A9, fused);
        p = multiplyAdd(x2, p, A7, fused);
        p = multiplyAdd(x2, p, A5, fused);
        p = multiplyAdd(x2, p, A3, fused);
        p = multiplyAdd(x2, p, A1, fused);
        p = x * p;
        float q = multiplyAdd(x2, B6, B4, fused);
        q = multiplyAdd(x2, q, B2, fused);
        q = multiplyAdd(x2, q, B0, fused);
        return p / q;
    }

    static float sigmoid(float x, boolean fused) {
        return multiplyAdd(0.5f, tanh(0.5f * x, fused), 0.5f, fused);
    }

    static float multiplyAdd(float a, float b, float c, boolean fused) {
        return fused ? Math.fma(a, b, c) : a * b + c;
    }

    /**
     * HotSpot's own answer to whether it compiles {@code Math.fma} to the processor's instruction
     * (its UseFMA option, which it sets from the processor, and which -XX:-UseFMA turns off). A JVM
     * that cannot say gets the separate multiply and add, which is fast everywhere.
     */
    private static boolean jvmUsesFma() {
        try {
            return Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("UseFMA").getValue());
        } catch (RuntimeException | LinkageError unknown) {
            return false;
        }
    }
}
