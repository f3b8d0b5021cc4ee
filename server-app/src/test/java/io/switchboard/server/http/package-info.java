/** Tests of the HTTP routes, called directly with in-memory requests. */
package io.switchboard.server.http;
