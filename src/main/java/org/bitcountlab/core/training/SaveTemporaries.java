package org.bitcountlab.core.training;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files a save writes before its rename: {@code .NAME.PID.N.saving}, beside the
 * target. A save that is killed leaves one behind; the next save in that folder removes every such
 * file whose process is gone (and those of older versions, named {@code .NAME.N.saving}).
 */
final class SaveTemporaries {

    private static final String SUFFIX = ".saving";
    private static final Pattern NAME = Pattern.compile("\\..+?\\.(\\d{1,19})(?:\\.\\d{1,19})?" + Pattern.quote(SUFFIX));
    private static final AtomicLong COUNTER = new AtomicLong();

    private SaveTemporaries() {
    }

    static Path create(Path target) throws IOException {
        String name = "." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + COUNTER.incrementAndGet() + SUFFIX;
        return Files.createFile(target.resolveSibling(name));
    }

    static void removeStale(Path directory) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                Matcher matcher = NAME.matcher(file.getFileName().toString());
                if (matcher.matches() && Files.isRegularFile(file) && !ownerIsRunning(matcher.group(1))) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static boolean ownerIsRunning(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException tooLarge) {
            return false;
        }
    }
}
