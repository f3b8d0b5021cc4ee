/**
 * The seam every app protocol implements: a {@link io.switchboard.protocol.Dialect} decodes frames into core commands
 * and encodes core events into frames, writing into a transport-neutral {@link io.switchboard.protocol.ByteSink}.
 */
package io.switchboard.protocol;
