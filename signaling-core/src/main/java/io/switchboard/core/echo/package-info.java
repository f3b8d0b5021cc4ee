/**
 * The behaviour of the Socket.IO reference test server, which the public protocol test suites expect: greet each
 * socket with its handshake data, echo {@code message}, acknowledge {@code message-with-ack}. A conformance aid,
 * served only when an operator names it.
 */
package io.switchboard.core.echo;
