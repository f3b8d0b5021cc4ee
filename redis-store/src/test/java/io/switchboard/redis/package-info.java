/**
 * The Redis backend against real Redis 7 servers: the core's SPI contracts on a standalone server and on a 3-master
 * Cluster, PrivyDrop's exact key layout, outages, executor saturation and {@code --store} URL parsing.
 */
package io.switchboard.redis;
