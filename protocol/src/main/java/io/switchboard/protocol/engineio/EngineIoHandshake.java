package io.switchboard.protocol.engineio;

import io.switchboard.protocol.ByteArraySink;
import io.switchboard.protocol.json.JsonBytes;

/**
 * The open packet of a new Engine.IO session: {@code 0{"sid":..,"upgrades":[..],"pingInterval":..,
 * "pingTimeout":..,"maxPayload":..}}.
 *
 * @param pingInterval ms between the server's pings
 * @param pingTimeout ms the server waits for a pong
 * @param maxPayload largest message (WebSocket) or POST body (polling) in bytes
 */
public record EngineIoHandshake(long pingInterval, long pingTimeout, long maxPayload) {
    /** The open packet for session {@code sid}, offering the WebSocket upgrade when {@code canUpgrade}. */
    public byte[] openPacket(String sid, boolean canUpgrade) {
        ByteArraySink out = new ByteArraySink(160);
        out.write('0');
        out.write(JsonBytes.constant("{\"sid\":"));
        JsonBytes.writeString(out, sid);
        out.write(JsonBytes.constant(canUpgrade ? ",\"upgrades\":[\"websocket\"]" : ",\"upgrades\":[]"));
        out.write(JsonBytes.constant(",\"pingInterval\":"));
        JsonBytes.writeNumber(out, pingInterval);
        out.write(JsonBytes.constant(",\"pingTimeout\":"));
        JsonBytes.writeNumber(out, pingTimeout);
        out.write(JsonBytes.constant(",\"maxPayload\":"));
        JsonBytes.writeNumber(out, maxPayload);
        out.write('}');
        return out.toByteArray();
    }
}
