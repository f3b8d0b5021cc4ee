/** Tests of the IP literal parser, CIDR ranges, the trusted-proxy rule and the LAN/WAN decision. */
package io.switchboard.core.network;
