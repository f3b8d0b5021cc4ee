/** Tests of {@code GET /metrics} against a real server. */
package io.switchboard.server.metrics;
