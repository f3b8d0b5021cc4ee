package io.switchboard.server.bench;

import java.util.Locale;

/** The {@code --scenario}s: each runs one benchmark with the settings and reports what it measured. */
enum Scenario {
    /** Relay throughput and latency between pairs, closed loop or, with a rate, open loop. */
    RELAY {
        @Override
        BenchReport run(BenchSettings settings) throws InterruptedException {
            return new RelayRun(settings).run();
        }
    },
    /** Connect, create or join, close, in concurrent loops. */
    JOIN {
        @Override
        BenchReport run(BenchSettings settings) throws InterruptedException {
            return new JoinRun(settings).run();
        }
    },
    /** Whole sessions (connect, meet, offer, answer, candidates, close) in concurrent loops. */
    SESSION {
        @Override
        BenchReport run(BenchSettings settings) throws InterruptedException {
            return new SessionRun(settings).run();
        }
    },
    /** Idle connections: handshake failures, drops and, with a server pid, memory per connection. */
    CONNECT {
        @Override
        BenchReport run(BenchSettings settings) throws InterruptedException {
            return new ConnectRun(settings).run();
        }
    };

    /** Parses the option value, case-insensitively. */
    static Scenario of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** Runs the scenario; throws {@link SetupException} when it cannot start. */
    abstract BenchReport run(BenchSettings settings) throws InterruptedException;
}
