/**
 * Engine.IO protocol v4 framing, without transports: packet types, the open packet, the HTTP error codes and the
 * long-polling payload format (packets separated by {@code 0x1e}, binary packets as {@code b<base64>}).
 */
package io.switchboard.protocol.engineio;
