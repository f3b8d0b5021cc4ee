package io.switchboard.server.bench;

import java.net.URI;
import java.time.Duration;

/**
 * One benchmark run, as the options give it.
 *
 * @param url the server ({@code ws://…} for DropSilk, {@code http://…} for PrivyDrop)
 * @param dialect the dialect the clients speak
 * @param pairs the number of pairs (relay) or concurrent loops (join)
 * @param window the messages each pair keeps in flight
 * @param payload the relayed signal
 * @param duration the measured time after the warmup; with {@code messages} the limit on the whole run
 * @param warmup the time before measuring starts
 * @param messages the messages each pair relays before it stops, or 0 to run for {@code duration}
 * @param sourceAddresses the loopback source addresses to spread connections over (127.0.0.1..127.0.0.N)
 * @param threads the client event loops
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
        int threads) {}
