/**
 * Adapters from the core's ports to Netty: {@link io.switchboard.server.transport.ChannelPeerSink} (events to a
 * WebSocket channel, with batched flushes and a bounded outbound budget), the byte sink over a buffer, and the
 * event-loop-backed scheduler.
 */
package io.switchboard.server.transport;
