package org.bitcountlab.core.training;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files a save writes before its rename: {@code .bitcount-save.PID.N.saving}, beside
 * the target. The name leaves the target's out, so that any name a folder takes can be saved to
 * (a name of 255 bytes with a suffix is too long). A save that is killed leaves one behind; the
 * next save in that folder removes every such file whose process is gone. Temporaries of older
 * versions, {@code .NAME.PID.N.saving} and {@code .NAME.N.saving}, are removed only where NAME ends
 * in {@code .zip}, as model files do: other programs' files may end in {@code .saving} too.
 */
final class SaveTemporaries {

    private static final String SUFFIX = ".saving";
    private static final String PREFIX = ".bitcount-save.";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d{1,19})\\.\\d{1,19}"
            + Pattern.quote(SUFFIX));
    private static final Pattern OLDER_NAME = Pattern.compile("\\..+\\.zip\\.(\\d{1,19})(?:\\.\\d{1,19})?"
            + Pattern.quote(SUFFIX));
    private static final AtomicLong COUNTER = new AtomicLong();

    private SaveTemporaries() {
    }

    static Path create(Path target) throws IOException {
        String name = PREFIX + ProcessHandle.current().pid() + "." + COUNTER.incrementAndGet() + SUFFIX;
        return Files.createFile(target.resolveSibling(name));
    }

    static void removeStale(Path directory) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                Matcher matcher = NAME.matcher(name);
                if (!matcher.matches()) {
                    matcher = OLDER_NAME.matcher(name);
                }
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
