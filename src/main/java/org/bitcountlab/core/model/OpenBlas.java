package org.bitcountlab.core.model;

/**
 * The OpenBLAS that ND4J ships, as the fused kernels use it: they call it from one thread per
 * core themselves, so OpenBLAS must not start threads of its own inside each call.
 */
final class OpenBlas {

    static {
        org.bytedeco.openblas.global.openblas.blas_set_num_threads(1);
    }

    private OpenBlas() {
    }

    /** Loads and configures the library once; cheap after the first call. */
    static void ready() {
        // the static initialiser does the work
    }
}
