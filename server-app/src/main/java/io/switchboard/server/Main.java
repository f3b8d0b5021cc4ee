package io.switchboard.server;

import ch.qos.logback.classic.LoggerContext;
import io.switchboard.server.cli.SwitchboardCommand;
import org.slf4j.LoggerFactory;

/** The process entry point: runs the {@code switchboard} command line and exits with its code. */
public final class Main {
    private Main() {}

    /**
     * Runs {@code switchboard} with {@code args} and the process environment, then exits with its code, after the log
     * has written what its queues hold (the appenders are asynchronous: see logback.xml).
     */
    public static void main(String[] args) {
        int code = SwitchboardCommand.newCommandLine().execute(args);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
        System.exit(code);
    }
}
