package org.bitcountlab.cli;

/** A command failed in a way the user can act on; the message is printed without a stack trace. */
final class CliFailure extends RuntimeException {

    private final int exitCode;

    CliFailure(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    static CliFailure usage(String message) {
        return new CliFailure(message, 2);
    }

    static CliFailure failed(String message) {
        return new CliFailure(message, 1);
    }

    /** The command has already said what went wrong; only the exit code is left to give. */
    static CliFailure reported(int exitCode) {
        return new CliFailure(null, exitCode);
    }

    int exitCode() {
        return exitCode;
    }
}
