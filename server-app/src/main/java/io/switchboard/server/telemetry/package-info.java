/**
 * Telemetry output: {@link io.switchboard.server.telemetry.EventLog} renders each core event as one JSON log line and
 * keeps the last lines in a {@link io.switchboard.server.telemetry.LogRing} for {@code /logs};
 * {@link io.switchboard.server.telemetry.FlightStories} folds DropSilk's flight events into one story per flight.
 */
package io.switchboard.server.telemetry;
