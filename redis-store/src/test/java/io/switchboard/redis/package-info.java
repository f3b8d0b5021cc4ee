/**
 * Tests of the Redis backend against real Redis servers from the embedded fixtures, standalone and Cluster: the core's
 * SPI contract suites, PrivyDrop's exact key layout, the cross-node bus, outages, executor saturation and {@code
 * --store} URL parsing.
 */
package io.switchboard.redis;
