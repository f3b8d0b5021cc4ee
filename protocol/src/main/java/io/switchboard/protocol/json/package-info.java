/**
 * Shared JSON plumbing for the dialects: one configured jackson-core factory with strict read limits, an
 * allocation-free scanner that reads short plain frames before jackson is needed, and a small writer that builds
 * envelopes byte by byte and splices raw payloads in without re-encoding them.
 */
package io.switchboard.protocol.json;
