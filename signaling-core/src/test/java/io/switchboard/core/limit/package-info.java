/** Tests of the rate limiter. */
package io.switchboard.core.limit;
