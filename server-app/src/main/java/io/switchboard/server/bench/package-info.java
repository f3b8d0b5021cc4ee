/**
 * {@code switchboard bench}: a load generator that drives a running Switchboard (or any server speaking the same
 * dialect) with Netty WebSocket clients and reports throughput, latency percentiles (HdrHistogram), ordering and
 * exactly-once checks, and its own CPU use.
 */
package io.switchboard.server.bench;
