/** Pipeline steps tested one at a time with {@code EmbeddedChannel}. */
package io.switchboard.server.pipeline;
