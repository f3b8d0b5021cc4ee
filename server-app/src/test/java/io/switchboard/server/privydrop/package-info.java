/** PrivyDrop end to end: the official Java Socket.IO client, a raw Engine.IO WebSocket client and the REST API. */
package io.switchboard.server.privydrop;
