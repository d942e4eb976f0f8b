package org.bitcountlab.cli;

import java.lang.management.ManagementFactory;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The bytes the JVM's live threads have allocated on the heap so far, as HotSpot counts them per
 * thread. What a training step allocates is what the collector must take back while the window
 * trains, so the benchmark prints it per minibatch beside the time. Nothing on a JVM that does not
 * count. A thread that ends between two readings takes its bytes with it, so the figure is a
 * floor; the benchmark's threads (its own and the pool's) live through it.
 */
final class HeapAllocation {

    private HeapAllocation() {
    }

    /** This moment's total over the live threads, or empty where the JVM does not count. */
    static OptionalLong now() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)
                || !threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()) {
            return OptionalLong.empty();
        }
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(0, bytes); // -1 for a thread that ended while being read
        }
        return OptionalLong.of(total);
    }

    /** Kilobytes (1,024 bytes) per step between two readings; empty if either is missing or the count fell. */
    static OptionalDouble kilobytesPerStep(OptionalLong start, OptionalLong end, int steps) {
        if (start.isEmpty() || end.isEmpty() || steps <= 0 || end.getAsLong() < start.getAsLong()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((end.getAsLong() - start.getAsLong()) / 1024.0 / steps);
    }
}
