/** Tests of sessions, the node facade and cross-node delivery. */
package io.switchboard.core.session;
