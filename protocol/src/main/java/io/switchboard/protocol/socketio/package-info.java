/**
 * Socket.IO protocol v5 packets over Engine.IO: packet types, the header parser ({@code <type>[<n>-][<nsp>,][<id>]}),
 * the rules the reference parser applies to payloads, and the packets the server writes itself (CONNECT answers,
 * CONNECT_ERROR, DISCONNECT).
 */
package io.switchboard.protocol.socketio;
