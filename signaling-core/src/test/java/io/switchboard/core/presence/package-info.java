/** Tests of network user lists. */
package io.switchboard.core.presence;
