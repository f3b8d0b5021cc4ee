/** Tests of {@code switchboard bench} against the real server started in-process. */
package io.switchboard.server.bench;
