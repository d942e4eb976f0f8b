package org.bitcountlab.core.model;

import org.deeplearning4j.util.CrashReportingUtil;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One-time ND4J set-up. With the fused LSTM, ND4J only runs small operations (the output layer,
 * the loss, Adam); OpenMP threads make those slower on a small machine and fight the LSTM's own
 * worker threads for the cores, so ND4J gets one.
 */
public final class Nd4jRuntime {

    /**
     * Held while any native library of ND4J or OpenBLAS loads. Two threads loading at once can
     * deadlock inside the C library: JavaCPP looks symbols up (taking the loader's lock) from
     * within a walk over the loaded libraries, while a concurrent load holds that lock and waits
     * for the walk. The window saw this as a rare hang at start-up, when the ND4J preload and the
     * pretrained model's evaluation (which needs OpenBLAS) both began loading.
     */
    static final Object NATIVE_LOADING = new Object();

    private static volatile boolean initialised;

    private Nd4jRuntime() {
    }

    public static void initialise() {
        if (initialised) {
            return;
        }
        synchronized (NATIVE_LOADING) {
            if (!initialised) {
                load();
                initialised = true;
            }
        }
    }

    private static void load() {
        // an OutOfMemoryError is reported to the user; DL4J would also write a dump file into the working folder
        CrashReportingUtil.crashDumpsEnabled(false);
        Nd4j.getEnvironment().setMaxThreads(1);
        // OMP_NUM_THREADS=1 has the same effect, but a desktop app cannot rely on its environment
        org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        OpenBlas.ready();
        Nd4j.setDefaultDataTypes(org.nd4j.linalg.api.buffer.DataType.FLOAT,
                org.nd4j.linalg.api.buffer.DataType.FLOAT);
    }
}
