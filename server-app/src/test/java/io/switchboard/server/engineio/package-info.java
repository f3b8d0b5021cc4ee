/** Engine.IO and Socket.IO at the protocol level: raw HTTP polling, raw WebSocket frames and the official client. */
package io.switchboard.server.engineio;
