/**
 * Structured telemetry events the core emits (DropSilk's {@code flight:created}, {@code client:connected}, ...).
 * The server renders them as JSON log lines; the core only names them and their fields.
 */
package io.switchboard.core.telemetry;
