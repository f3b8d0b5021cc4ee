package io.switchboard.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.CoreLimits;
import io.switchboard.server.cli.SwitchboardCommand;
import io.switchboard.server.testing.JsonTree;
import io.switchboard.server.testing.TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {
    @Test
    void relayWithMessagesPrintsOneJsonObjectAndExitsZero() {
        CoreLimits unlimited = new CoreLimits(1_000_000, 1_000_000, 65536, 100, Duration.ofMillis(50));
        try (TestServer server = TestServer.start(b -> b.limits(unlimited))) {
            Run run = run(
                    "bench",
                    "--url",
                    server.webSocketUri().toString(),
                    "--pairs",
                    "3",
                    "--messages",
                    "50",
                    "--warmup",
                    "0s",
                    "--duration",
                    "2m",
                    "--json");

            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().strip().startsWith("{\"scenario\":\"relay\""), run.out());
            assertTrue(
                    run.out().contains("\"sent\":150,\"received\":150,\"duplicates\":0,\"outOfOrder\":0"), run.out());
        }
    }

    @Test
    void referenceUrlRunsTheReferenceThenTheTargetAndPrintsRatiosInOneJsonObject() throws Exception {
        try (BenchTarget server = BenchTarget.start("dropsilk");
                BenchTarget relay = BenchTarget.start("reference")) {
            Run run = run(
                    "bench",
                    "--url",
                    server.url().toString(),
                    "--reference-url",
                    relay.url().toString(),
                    "--pairs",
                    "2",
                    "--messages",
                    "50",
                    "--warmup",
                    "0s",
                    "--json");

            assertEquals(0, run.exitCode(), run.err());
            Map<String, Object> report = JsonTree.object(run.out().strip());
            Map<?, ?> reference = (Map<?, ?>) report.get("reference");
            Map<?, ?> target = (Map<?, ?>) report.get("target");
            Map<?, ?> ratio = (Map<?, ?>) report.get("ratio");
            assertEquals("reference", reference.get("dialect"), run.out());
            assertEquals(relay.url().toString(), reference.get("url"), run.out());
            assertEquals("dropsilk", target.get("dialect"), run.out());
            assertEquals(100L, ((Number) reference.get("received")).longValue(), run.out());
            assertEquals(100L, ((Number) target.get("received")).longValue(), run.out());
            assertTrue(ratio.get("messagesPerSecond") instanceof Number, run.out());
        }
    }

    @Test
    void referenceUrlTableShowsBothRunsAndTheRatio() throws Exception {
        try (BenchTarget server = BenchTarget.start("dropsilk");
                BenchTarget relay = BenchTarget.start("reference")) {
            Run run = run(
                    "bench",
                    "--url",
                    server.url().toString(),
                    "--reference-url",
                    relay.url().toString(),
                    "--scenario",
                    "join",
                    "--pairs",
                    "2",
                    "--warmup",
                    "0s",
                    "--duration",
                    "300ms");

            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("reference:"), run.out());
            assertTrue(run.out().contains("target:"), run.out());
            assertTrue(run.out().contains("ratio:"), run.out());
        }
    }

    @Test
    void badOptionsExitWithTwo() {
        assertEquals(2, run("bench").exitCode());
        assertEquals(
                2, run("bench", "--url", "ws://127.0.0.1:1/", "--pairs", "0").exitCode());
        assertEquals(
                2,
                run("bench", "--url", "ws://127.0.0.1:1/", "--dialect", "nope").exitCode());
        assertEquals(
                2,
                run("bench", "--url", "ws://127.0.0.1:1/", "--duration", "-1s").exitCode());
    }

    @Test
    void unreachableServerIsASetupFailureWithOne() {
        String url;
        try (TestServer stopped = TestServer.start()) {
            url = stopped.webSocketUri().toString();
        }

        Run run = run("bench", "--url", url, "--pairs", "1", "--messages", "1");

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().contains("could not be set up"), run.err());
    }

    @Test
    void guestUrlPutsEachPairsGuestOnAnotherNodeAndEverySignalCrossesTheBus() {
        CoreLimits unlimited = new CoreLimits(1_000_000, 1_000_000, 65536, 100, Duration.ofMillis(50));
        String store = io.switchboard.redis.testing.EmbeddedRedis.shared().url() + "?prefix=b"
                + java.util.UUID.randomUUID().toString().substring(0, 8) + ":";
        try (TestServer one = TestServer.start(b -> b.limits(unlimited).store(store));
                TestServer two = TestServer.start(b -> b.limits(unlimited).store(store))) {
            Run run = run(
                    "bench",
                    "--url",
                    one.webSocketUri().toString(),
                    "--guest-url",
                    two.webSocketUri().toString(),
                    "--pairs",
                    "3",
                    "--messages",
                    "50",
                    "--warmup",
                    "0s",
                    "--duration",
                    "2m",
                    "--json");

            assertEquals(0, run.exitCode(), run.err());
            assertTrue(
                    run.out().contains("\"sent\":150,\"received\":150,\"duplicates\":0,\"outOfOrder\":0"), run.out());
            // the hosts' 150 signals crossed from node one; each guest's join told its host across from node two
            assertTrue(((io.switchboard.redis.RedisStores) one.server().node().stores())
                            .bus()
                            .published()
                    >= 150);
            assertTrue(((io.switchboard.redis.RedisStores) two.server().node().stores())
                            .bus()
                            .published()
                    >= 3);
        }
    }

    private static Run run(String... args) {
        CommandLine commandLine = SwitchboardCommand.newCommandLine(Map.of());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private record Run(int exitCode, String out, String err) {}
}
