package org.bitcountlab.core.model;

import org.deeplearning4j.util.CrashReportingUtil;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One-time ND4J set-up. With the fused LSTM, ND4J only runs small operations (the output layer,
 * the loss, Adam); OpenMP threads make those slower on a small machine and fight the LSTM's own
 * worker threads for the cores, so ND4J gets one.
 */
public final class Nd4jRuntime {

    private static volatile boolean initialised;

    private Nd4jRuntime() {
    }

    public static synchronized void initialise() {
        if (initialised) {
            return;
        }
        // an OutOfMemoryError is reported to the user; DL4J would also write a dump file into the working folder
        CrashReportingUtil.crashDumpsEnabled(false);
        Nd4j.getEnvironment().setMaxThreads(1);
        // OMP_NUM_THREADS=1 has the same effect, but a desktop app cannot rely on its environment
        org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        OpenBlas.ready();
        Nd4j.setDefaultDataTypes(org.nd4j.linalg.api.buffer.DataType.FLOAT,
                org.nd4j.linalg.api.buffer.DataType.FLOAT);
        initialised = true;
    }
}
