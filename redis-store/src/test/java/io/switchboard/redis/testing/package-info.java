/** Test fixtures: real Redis 7 servers and clusters from the embedded-redis binary. */
package io.switchboard.redis.testing;
