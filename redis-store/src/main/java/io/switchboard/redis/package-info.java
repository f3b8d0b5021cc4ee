/**
 * The Redis backend of the store SPIs and the cross-node bus: selected with {@code --store redis://...}, every Jedis
 * call on the store's own executor, never on a caller's thread.
 */
package io.switchboard.redis;
