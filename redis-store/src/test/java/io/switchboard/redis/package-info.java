/** The Redis backend's tests: the core's SPI contract suites against a real Redis, standalone and Cluster. */
package io.switchboard.redis;
