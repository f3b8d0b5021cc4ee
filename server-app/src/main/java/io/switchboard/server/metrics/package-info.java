/**
 * Prometheus metrics: one registry per server, fed by callbacks that read the counters the node, the pipeline and the
 * Engine.IO endpoints already keep, plus the relay counters the core reports through its {@code CoreMetrics} port.
 * {@code GET /metrics} on every app listener serves them in the Prometheus text format. Label values are fixed words
 * (app, transport, message type, close code), never a session id or a room code.
 */
package io.switchboard.server.metrics;
