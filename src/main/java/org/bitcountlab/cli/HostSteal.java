package org.bitcountlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How much processor time the host took from this machine between two readings: the "steal"
 * column of Linux's {@code /proc/stat}, as a share of all the processors' time. On a shared
 * virtual machine a benchmark's figures swing with its neighbours' load; the benchmark prints this
 * beside them, so that two sittings can be told apart. Nothing where the file or the column is
 * missing (other systems, old kernels).
 */
record HostSteal(long stolen, long total) {

    private static final Path PROC_STAT = Path.of("/proc/stat");
    private static final int STEAL_COLUMN = 8; // cpu user nice system idle iowait irq softirq steal

    /** This moment's counters, or empty where there are none. */
    static Optional<HostSteal> now() {
        try {
            List<String> lines = Files.readAllLines(PROC_STAT);
            return lines.isEmpty() ? Optional.empty() : parse(lines.get(0));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The all-processors line of /proc/stat ("cpu  user nice system idle iowait irq softirq steal ..."). */
    static Optional<HostSteal> parse(String line) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length <= STEAL_COLUMN || !fields[0].equals("cpu")) {
            return Optional.empty();
        }
        long total = 0;
        long stolen = 0;
        // guest time is already counted in user and nice, so the columns after steal are left out
        for (int i = 1; i <= STEAL_COLUMN; i++) {
            long value;
            try {
                value = Long.parseLong(fields[i]);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            total += value;
            if (i == STEAL_COLUMN) {
                stolen = value;
            }
        }
        return Optional.of(new HostSteal(stolen, total));
    }

    /** Percent of the processors' time stolen between two readings; empty if either is missing or no time passed. */
    static OptionalDouble percentBetween(Optional<HostSteal> start, Optional<HostSteal> end) {
        if (start.isEmpty() || end.isEmpty()) {
            return OptionalDouble.empty();
        }
        long total = end.get().total - start.get().total;
        return total <= 0 ? OptionalDouble.empty()
                : OptionalDouble.of(100.0 * (end.get().stolen - start.get().stolen) / total);
    }
}
