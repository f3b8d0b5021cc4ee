/**
 * Tests of the Redis backend (the core's SPI contract suites) and the cross-node bus, against real Redis servers from
 * the embedded fixtures, standalone and Cluster.
 */
package io.switchboard.redis;
