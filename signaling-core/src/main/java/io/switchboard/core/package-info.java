/**
 * The signaling core: the {@link io.switchboard.core.SignalingNode} facade that wires sessions, rooms, routing and
 * stores, plus the limits that apply to every app. Nothing here knows about Netty, Redis or JSON.
 */
package io.switchboard.core;
