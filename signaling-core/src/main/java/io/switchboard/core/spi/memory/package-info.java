/**
 * The embedded default backend: rooms in a concurrent map and a bus between nodes of one process. Every stage it
 * returns is already complete.
 */
package io.switchboard.core.spi.memory;
