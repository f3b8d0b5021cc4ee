/** Tests of the event log, the log ring and flight stories, and small fakes the HTTP route tests share. */
package io.switchboard.server.telemetry;
