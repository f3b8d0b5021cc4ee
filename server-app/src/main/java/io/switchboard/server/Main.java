package io.switchboard.server;

import io.switchboard.server.cli.SwitchboardCommand;

/** The process entry point: runs the {@code switchboard} command line and exits with its code. */
public final class Main {
    private Main() {}

    /** Runs {@code switchboard} with {@code args} and the process environment, then exits with its code. */
    public static void main(String[] args) {
        System.exit(SwitchboardCommand.newCommandLine().execute(args));
    }
}
