/** The in-memory backend run through the SPI contracts. */
package io.switchboard.core.spi.memory;
