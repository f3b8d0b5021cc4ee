/**
 * The dialect of the Socket.IO conformance endpoint: {@code message} and {@code message-with-ack} events with any
 * arguments (binary attachments included), and the events and acknowledgements the reference test server sends.
 */
package io.switchboard.protocol.echo;
