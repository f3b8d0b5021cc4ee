/**
 * The wire-neutral vocabulary of the domain: {@link io.switchboard.core.message.Command}s decoded from clients and
 * {@link io.switchboard.core.message.Event}s to be encoded for them. Peer payloads travel as {@link
 * io.switchboard.core.message.RawJson}: never parsed, never re-encoded.
 */
package io.switchboard.core.message;
