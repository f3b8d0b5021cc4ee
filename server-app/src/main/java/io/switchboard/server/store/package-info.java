/** The one place where the store backend is chosen at start, and where a Redis node is tied to its liveness. */
package io.switchboard.server.store;
