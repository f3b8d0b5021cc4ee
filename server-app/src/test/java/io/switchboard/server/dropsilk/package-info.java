/** DropSilk end to end: the real server on a loopback port, real WebSocket and HTTP clients. */
package io.switchboard.server.dropsilk;
