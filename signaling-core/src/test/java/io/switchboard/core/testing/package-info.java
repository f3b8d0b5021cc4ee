/** Hand-written test doubles and fixtures for the core: recording sinks, a manual scheduler, predictable ids. */
package io.switchboard.core.testing;
