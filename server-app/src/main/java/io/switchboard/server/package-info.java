/** Placeholder. */
package io.switchboard.server;
