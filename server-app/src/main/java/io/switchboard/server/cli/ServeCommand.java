package io.switchboard.server.cli;

import ch.qos.logback.classic.LoggerContext;
import io.switchboard.server.SwitchboardServer;
import io.switchboard.server.config.AppBinding;
import io.switchboard.server.config.ServerConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard serve}: starts the server and runs until the process is told to stop. On SIGTERM or SIGINT the
 * shutdown hook drains the server (sessions are told and closed, up to {@code --shutdown-timeout}), flushes the log
 * and ends the process with status 0. A listener that cannot be bound ends it with status 1.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeOnInvalidInput = 2,
        defaultValueProvider = LayeredDefaultProvider.class,
        description = "Starts the server and runs until SIGTERM or SIGINT, then drains and exits 0.",
        footer = ServerOptions.FOOTER)
final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);
    private static final int START_FAILED = 1;

    @Mixin
    ServerOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = options.toConfig();
        if (options.noDb()) {
            log.info("--noDB has no effect: Switchboard keeps no database");
        }
        SwitchboardServer server = new SwitchboardServer(config);
        try {
            server.start();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) { // Netty rethrows a BindException undeclared, so catch them all
            String listeners = config.apps().stream().map(AppBinding::toString).collect(Collectors.joining(", "));
            String reason = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            spec.commandLine()
                    .getErr()
                    .println("switchboard: could not start " + listeners + " on " + config.host() + ": " + reason);
            return START_FAILED;
        }
        // Set when serve fails after this point, so that System.exit keeps its code instead of the hook's halt(0).
        AtomicBoolean failed = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> onShutdown(server, failed), "switchboard-shutdown"));
        boolean terminated = false;
        try {
            server.awaitTermination();
            terminated = true;
            return 0;
        } finally {
            failed.set(!terminated);
        }
    }

    /**
     * Drains, flushes the log and halts with 0. Halting is what turns a SIGTERM (which would end the JVM with 143) into
     * status 0 once the drain is done; the log is stopped first because halt runs no other hook.
     */
    private static void onShutdown(SwitchboardServer server, AtomicBoolean failed) {
        server.shutdown();
        if (failed.get()) {
            return;
        }
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
        Runtime.getRuntime().halt(0);
    }
}
