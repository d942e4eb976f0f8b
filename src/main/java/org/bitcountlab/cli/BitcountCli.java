package org.bitcountlab.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless front end: {@code train}, {@code sweep}, {@code predict}, {@code evaluate}, {@code inspect}, {@code benchmark}. */
@Command(name = "bitcount-lstm-lab",
        mixinStandardHelpOptions = true,
        version = "Bitcount LSTM Lab 1.0",
        description = "Trains an LSTM to count the ones in a binary string. Without a command, opens the desktop app.",
        subcommands = {TrainCommand.class, SweepCommand.class, PredictCommand.class, EvaluateCommand.class, InspectCommand.class,
                BenchmarkCommand.class,
                CommandLine.HelpCommand.class})
public final class BitcountCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command: train, sweep, predict, evaluate, inspect or benchmark");
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs a command; exit code 0 on success, 1 when it fails, 2 for bad arguments. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new BitcountCli());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            PrintWriter errors = exception.getCommandLine().getErr();
            errors.println(exception.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(exception, errors);
            exception.getCommandLine().usage(errors);
            return CommandLine.ExitCode.USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, cl, parseResult) -> {
            if (exception instanceof CliFailure failure) {
                if (failure.getMessage() != null) {
                    cl.getErr().println(failure.getMessage());
                }
                return failure.exitCode();
            }
            cl.getErr().println("Error: " + exception.getMessage());
            return 1;
        });
        try {
            int exitCode = commandLine.execute(args);
            if (out.checkError()) {
                // a PrintWriter keeps its write errors to itself: a full disk or a closed pipe looked like success
                err.println("Could not write the output: the disk is full, or the file or pipe it goes to is closed.");
                return 1;
            }
            return exitCode;
        } catch (OutOfMemoryError e) {
            // the memory budget refuses what cannot fit; this is the net under it
            err.println("Out of memory (" + e.getMessage() + "). Ask for less (a smaller batch or hidden size, fewer"
                    + " --strings for inspect), or give Java more memory (java -Xmx4g -jar ...).");
            return 1;
        }
    }
}
