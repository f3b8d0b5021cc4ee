package io.switchboard.server.bench;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.Nullable;
import java.net.URI;
import java.time.Duration;

/**
 * One benchmark run, as the options give it. Build it with {@link #newBuilder}; the builder starts from the same
 * defaults as the command line.
 *
 * @param url the server ({@code ws://…} for DropSilk and the reference relay, {@code http://…} for PrivyDrop)
 * @param dialect the dialect the clients speak
 * @param pairs the number of pairs (relay) or concurrent loops (join, session)
 * @param window the messages each pair keeps in flight (closed-loop relay)
 * @param payload the relayed signal
 * @param duration the measured time after the warmup; with {@code messages} the limit on the whole run
 * @param warmup the time before measuring starts
 * @param messages the messages each pair relays before it stops, or 0 to run for {@code duration}
 * @param sourceAddresses the loopback source addresses to spread connections over (127.0.0.1..127.0.0.N)
 * @param threads the client event loops
 * @param rate the total relay send rate in messages per second (open loop), or 0 for the closed loop
 * @param connect the connect scenario's settings
 * @param guestUrl where the second peer of each pair connects (another node of the same deployment), or null for
 *     {@code url}
 */
record BenchSettings(
        URI url,
        BenchProtocol dialect,
        int pairs,
        int window,
        Payload payload,
        Duration duration,
        Duration warmup,
        long messages,
        int sourceAddresses,
        int threads,
        double rate,
        ConnectSettings connect,
        @Nullable URI guestUrl) {

    /** Checks the components that would otherwise fail late. */
    BenchSettings {
        requireNonNull(url, "url");
        requireNonNull(dialect, "dialect");
        requireNonNull(payload, "payload");
        requireNonNull(duration, "duration");
        requireNonNull(warmup, "warmup");
        requireNonNull(connect, "connect");
    }

    /** A builder for a run against {@code url} in {@code dialect}, with the command line's defaults. */
    static Builder newBuilder(URI url, BenchProtocol dialect) {
        return new Builder(url, dialect);
    }

    /** A builder that starts from these settings. */
    Builder toBuilder() {
        return new Builder(url, dialect)
                .pairs(pairs)
                .window(window)
                .payload(payload)
                .duration(duration)
                .warmup(warmup)
                .messages(messages)
                .sourceAddresses(sourceAddresses)
                .threads(threads)
                .rate(rate)
                .connect(connect)
                .guestUrl(guestUrl);
    }

    /** The same run against the reference relay at {@code referenceUrl}, whose process is {@code pid} (or 0). */
    BenchSettings forReference(URI referenceUrl, long pid) {
        return toBuilder()
                .url(referenceUrl)
                .dialect(new ReferenceBenchProtocol())
                .connect(connect.withServerPid(pid))
                .guestUrl(null)
                .build();
    }

    /**
     * The connect scenario's settings.
     *
     * @param connections the idle connections to open
     * @param rampRate new connections per second, or 0 for as fast as the handshakes complete
     * @param hold how long the connections stay open once all are up
     * @param serverPid the server's process id for memory samples, or 0 for none
     */
    record ConnectSettings(int connections, double rampRate, Duration hold, long serverPid) {
        /** The command line's defaults: 1000 connections, no ramp limit, held 10 s, no memory samples. */
        static final ConnectSettings DEFAULTS = new ConnectSettings(1000, 0, Duration.ofSeconds(10), 0);

        /** Checks the values. */
        ConnectSettings {
            requireNonNull(hold, "hold");
        }

        /** These settings with {@code pid} as the server's process. */
        ConnectSettings withServerPid(long pid) {
            return new ConnectSettings(connections, rampRate, hold, pid);
        }
    }

    /** Builds {@link BenchSettings}; every setter returns the builder. Not thread-safe. */
    static final class Builder {
        private URI url;
        private @Nullable URI guestUrl;
        private BenchProtocol dialect;
        private int pairs = 100;
        private int window = 4;
        private Payload payload = Payload.CANDIDATE;
        private Duration duration = Duration.ofSeconds(10);
        private Duration warmup = Duration.ofSeconds(2);
        private long messages;
        private int sourceAddresses = 1;
        private int threads = 2;
        private double rate;
        private ConnectSettings connect = ConnectSettings.DEFAULTS;

        private Builder(URI url, BenchProtocol dialect) {
            this.url = url;
            this.dialect = dialect;
        }

        Builder url(URI value) {
            url = value;
            return this;
        }

        Builder dialect(BenchProtocol value) {
            dialect = value;
            return this;
        }

        Builder pairs(int value) {
            pairs = value;
            return this;
        }

        Builder window(int value) {
            window = value;
            return this;
        }

        Builder payload(Payload value) {
            payload = value;
            return this;
        }

        Builder duration(Duration value) {
            duration = value;
            return this;
        }

        Builder warmup(Duration value) {
            warmup = value;
            return this;
        }

        Builder messages(long value) {
            messages = value;
            return this;
        }

        Builder sourceAddresses(int value) {
            sourceAddresses = value;
            return this;
        }

        Builder threads(int value) {
            threads = value;
            return this;
        }

        Builder rate(double value) {
            rate = value;
            return this;
        }

        Builder connect(ConnectSettings value) {
            connect = value;
            return this;
        }

        /** See {@link BenchSettings#guestUrl()}. */
        Builder guestUrl(@Nullable URI v) {
            guestUrl = v;
            return this;
        }

        BenchSettings build() {
            return new BenchSettings(
                    url,
                    dialect,
                    pairs,
                    window,
                    payload,
                    duration,
                    warmup,
                    messages,
                    sourceAddresses,
                    threads,
                    rate,
                    connect,
                    guestUrl);
        }
    }
}
