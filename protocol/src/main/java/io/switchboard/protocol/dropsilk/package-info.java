/**
 * DropSilk's classic plain-WebSocket protocol: one JSON object per text message, {@code type} plus fields, mapped to
 * core commands and events with the original's exact message and error strings.
 */
package io.switchboard.protocol.dropsilk;
