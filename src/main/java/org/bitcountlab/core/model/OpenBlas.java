package org.bitcountlab.core.model;

/**
 * The OpenBLAS that ND4J ships, as the fused kernels use it: they call it from one thread per
 * core themselves, so OpenBLAS must not start threads of its own inside each call.
 */
final class OpenBlas {

    private OpenBlas() {
    }

    /**
     * Loads and configures the library once; cheap after the first call. The loading takes
     * {@link Nd4jRuntime#NATIVE_LOADING}, so it never overlaps ND4J's own.
     */
    static void ready() {
        synchronized (Nd4jRuntime.NATIVE_LOADING) {
            Configured.load();
        }
    }

    /** Its class initialisation loads the library, once, under the caller's lock. */
    private static final class Configured {
        static {
            org.bytedeco.openblas.global.openblas.blas_set_num_threads(1);
        }

        static void load() {
            // the static initialiser does the work
        }
    }
}
