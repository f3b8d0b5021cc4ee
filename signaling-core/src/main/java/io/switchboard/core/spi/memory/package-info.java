/**
 * The embedded default backend: rooms, presence and the other stores in concurrent maps, and a bus between nodes of
 * one process. Every stage it returns is already complete.
 */
package io.switchboard.core.spi.memory;
