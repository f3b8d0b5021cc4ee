/**
 * PrivyDrop's Socket.IO events (PROTOCOLS.md §2.5): the JSON array of one EVENT packet to core commands, and core
 * events to complete Socket.IO EVENT packets ({@code 2["name",{...}]}), with the original's exact event and field
 * names. The Engine.IO and Socket.IO framing around them belongs to the transport.
 */
package io.switchboard.protocol.privydrop;
