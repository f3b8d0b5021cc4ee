/**
 * Room rules and use cases. {@link io.switchboard.core.room.FlightService} is DropSilk's: two-person "flights" with
 * server-chosen codes, same-network invitations and network user lists.
 */
package io.switchboard.core.room;
