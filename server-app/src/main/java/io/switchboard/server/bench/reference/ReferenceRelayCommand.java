package io.switchboard.server.bench.reference;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard reference-relay}: runs the bare {@link ReferenceRelay} until SIGTERM or SIGINT, for {@code
 * switchboard bench --reference-url}. Exit codes: 0 stopped by a signal, 1 the port could not be bound, 2 invalid
 * options.
 */
@Command(
        name = "reference-relay",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeOnInvalidInput = 2,
        description = "Runs a bare Netty relay (pairs /pair/<key> connections, forwards frames verbatim): the floor "
                + "bench --reference-url compares a server with.")
public final class ReferenceRelayCommand implements Callable<Integer> {
    private static final int START_FAILED = 1;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--port",
            required = true,
            paramLabel = "N",
            description = "The port to listen on (0 for a free one, printed at start).")
    int port;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "The address to listen on. Default: ${DEFAULT-VALUE}")
    String host = "127.0.0.1";

    @Option(
            names = "--transport",
            paramLabel = "auto|epoll|nio",
            defaultValue = "auto",
            description = "The event-loop transport, as serve's. Default: ${DEFAULT-VALUE}")
    String transport = "auto";

    @Option(
            names = "--worker-threads",
            paramLabel = "N",
            defaultValue = "0",
            description = "Event-loop threads; 0 means Netty's default, as serve's. Default: ${DEFAULT-VALUE}")
    int workerThreads;

    @Override
    public Integer call() throws InterruptedException {
        check(port >= 0 && port <= 65535, "--port must be 0..65535");
        check(workerThreads >= 0, "--worker-threads must not be negative");
        check(transport.matches("auto|epoll|nio"), "--transport must be auto, epoll or nio");
        ReferenceRelay relay;
        try {
            relay = ReferenceRelay.start(host, port, transport, workerThreads);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) { // Netty rethrows a BindException undeclared
            spec.commandLine().getErr().println("reference-relay: could not listen on " + host + ":" + port + ": " + e);
            return START_FAILED;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(relay::close, "reference-relay-shutdown"));
        spec.commandLine()
                .getOut()
                .println("reference-relay listening on " + relay.url() + " (" + relay.transport() + ")");
        spec.commandLine().getOut().flush();
        relay.awaitClose();
        return 0;
    }

    private void check(boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
