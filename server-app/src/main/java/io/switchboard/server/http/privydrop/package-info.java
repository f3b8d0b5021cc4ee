/**
 * PrivyDrop's REST endpoints (PROTOCOLS.md §2.6) with the original's exact bodies and statuses: room allocation and
 * checks, REST leave, referrer tracking, client debug logs and the three health endpoints, every one behind the
 * same credentialed CORS wrapper (§2.1). The room logic lives behind {@link
 * io.switchboard.server.http.privydrop.PrivyDropApi}; this package only speaks HTTP.
 */
package io.switchboard.server.http.privydrop;
