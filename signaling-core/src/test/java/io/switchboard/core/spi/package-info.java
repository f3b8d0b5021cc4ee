/** The store SPI contract, run against every backend. */
package io.switchboard.core.spi;
