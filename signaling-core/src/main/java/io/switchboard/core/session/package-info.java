/**
 * Connected clients on this node: {@link io.switchboard.core.session.Session}, the registry that finds them, and
 * the outbound port {@link io.switchboard.core.session.PeerSink} through which the core talks to a transport.
 */
package io.switchboard.core.session;
