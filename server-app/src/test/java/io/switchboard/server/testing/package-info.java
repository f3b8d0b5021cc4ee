/** Test fixtures for the server: a real server on port 0, real WebSocket and HTTP clients, JSON reading. */
package io.switchboard.server.testing;
