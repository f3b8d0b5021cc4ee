/** Typed identifiers (sessions, apps, rooms, nodes) and the generator of random ids and codes. */
package io.switchboard.core.id;
