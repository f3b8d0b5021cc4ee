/** Tests of the transport adapters between the core and Netty channels. */
package io.switchboard.server.transport;
