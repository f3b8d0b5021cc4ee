/**
 * IP addresses as the signaling core sees them: a DNS-free literal parser ({@link
 * io.switchboard.core.network.IpAddress}), CIDR ranges, the trusted-proxy rule for {@code X-Forwarded-For}, and the
 * per-session {@link io.switchboard.core.network.ClientAddress} that decides whether two peers share a network.
 */
package io.switchboard.core.network;
