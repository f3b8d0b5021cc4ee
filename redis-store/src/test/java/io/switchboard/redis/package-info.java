/** Tests of the Redis backend and the cross-node bus, against real Redis servers from the embedded fixtures. */
package io.switchboard.redis;
