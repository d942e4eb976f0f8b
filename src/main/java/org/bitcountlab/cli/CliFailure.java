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

    int exitCode() {
        return exitCode;
    }
}
