package io.switchboard.protocol.json;

/** Cheap checks a decoder makes on a frame before it hands the bytes to jackson. */
public final class JsonFrames {
    private JsonFrames() {}

    /**
     * Whether the frame's first non-whitespace byte is {@code open} (an object's or an array's opening bracket) and
     * it cannot be mistaken for UTF-16/32: jackson takes a zero byte among the first four for those encodings, and in
     * UTF-8 JSON a zero byte is never valid. Messages are plain UTF-8 JSON, as JSON.parse in every original required.
     */
    public static boolean startsWith(byte[] frame, int offset, int length, byte open) {
        for (int i = offset; i < offset + Math.min(4, length); i++) {
            if (frame[i] == 0) {
                return false;
            }
        }
        for (int i = offset; i < offset + length; i++) {
            byte b = frame[i];
            if (b == open) {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return false;
    }
}
