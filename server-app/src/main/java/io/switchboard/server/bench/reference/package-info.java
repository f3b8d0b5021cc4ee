/**
 * {@code switchboard reference-relay}: the bare floor the bench compares Switchboard with. A minimal Netty WebSocket
 * server that pairs two connections by key and forwards their frames verbatim, with no protocol, rooms or limits.
 */
package io.switchboard.server.bench.reference;
