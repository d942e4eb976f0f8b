package org.bitcountlab.ui.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * What the report mode reads from the JVM, taken on a thread of its own while the window is built:
 * loading the management code on the JavaFX thread would add its own time to the figures.
 *
 * @param renderThread JavaFX's render thread ({@code QuantumRenderer-0}, which rasterises the
 *     frames), looked up once: listing the threads stops them all
 */
record ReportProbes(long jvmStartMillis, ThreadMXBean threads, long renderThread) {

    static ReportProbes take() {
        long renderThread = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("QuantumRenderer"))
                .mapToLong(Thread::getId).findFirst().orElse(-1);
        ReportProbes probes = new ReportProbes(ManagementFactory.getRuntimeMXBean().getStartTime(),
                ManagementFactory.getThreadMXBean(), renderThread);
        probes.renderCpu(); // the first calls load code
        processCpuMillis();
        return probes;
    }

    /** CPU nanoseconds the calling thread has used. */
    long currentThreadCpu() {
        return threads.getCurrentThreadCpuTime();
    }

    /** CPU nanoseconds the render thread has used; -1 where it was not found. */
    long renderCpu() {
        return renderThread < 0 ? -1 : threads.getThreadCpuTime(renderThread);
    }

    /** Milliseconds from the JVM's start to {@code millis}, a {@code System.currentTimeMillis()}. */
    long sinceJvmStart(long millis) {
        return millis - jvmStartMillis;
    }

    /** Processor time the whole JVM has used (the JIT compiler's threads included); -1 where unknown. */
    static double processCpuMillis() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e6 : -1;
    }
}
