/**
 * The Netty pipeline: one initializer, one handler per step, names and order in {@link
 * io.switchboard.server.pipeline.HandlerNames}. No JSON parsing happens here; frames go to the session's dialect.
 */
package io.switchboard.server.pipeline;
