/** Abuse controls: the token bucket behind per-session message rates. */
package io.switchboard.core.limit;
