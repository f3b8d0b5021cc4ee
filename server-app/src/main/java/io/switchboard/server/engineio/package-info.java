/**
 * The Engine.IO v4 server (both transports: HTTP long-polling and WebSocket, the upgrade between them, heartbeats)
 * and the Socket.IO v5 layer on top (namespaces, events, binary attachments), written on our own pipeline. App
 * events go through the app's {@link io.switchboard.protocol.Dialect} to the {@link
 * io.switchboard.core.SignalingNode}.
 */
package io.switchboard.server.engineio;
