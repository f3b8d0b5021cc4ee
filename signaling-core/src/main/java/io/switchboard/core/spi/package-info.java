/**
 * What a store backend must provide: room membership ({@link io.switchboard.core.spi.RoomStore}), network presence
 * ({@link io.switchboard.core.spi.NetworkPresenceStore}) and cross-node delivery ({@link
 * io.switchboard.core.spi.NodeBus}), among others, grouped as {@link io.switchboard.core.spi.Stores}. Every call
 * returns a {@link java.util.concurrent.CompletionStage} and never blocks its caller; the in-memory backend completes
 * at once, a remote one on its own executor.
 */
package io.switchboard.core.spi;
