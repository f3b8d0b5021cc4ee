package io.switchboard.server.telemetry;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;

/**
 * The last {@code capacity} log lines, kept for {@code GET /logs}. Adding a line to a full ring drops the oldest one.
 * Thread-safe.
 */
public final class LogRing {
    private final int capacity;
    private final ArrayDeque<String> lines;

    /** A ring that holds at most {@code capacity} lines ({@code capacity >= 1}). */
    public LogRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: " + capacity + " (expected: >= 1)");
        }
        this.capacity = capacity;
        this.lines = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /** Appends {@code line}, dropping the oldest line when the ring is full. */
    public synchronized void add(String line) {
        requireNonNull(line, "line");
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    /** All lines, oldest first, joined with {@code "\n"}; empty when there are none. */
    public synchronized String joined() {
        return String.join("\n", lines);
    }

    /** How many lines the ring holds now. */
    public synchronized int size() {
        return lines.size();
    }
}
