/**
 * Who can see whom on the same network: DropSilk's network user lists, kept per network group in the shared {@link
 * io.switchboard.core.spi.NetworkPresenceStore} so that a group spans every node, and sent as one coalesced update
 * per group rather than one message per client per change.
 */
package io.switchboard.core.presence;
