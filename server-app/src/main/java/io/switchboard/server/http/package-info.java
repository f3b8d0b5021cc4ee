/**
 * REST and ops routes: the {@link io.switchboard.server.http.Route} seam, the table that picks a route by method and
 * path, response helpers, and the routes each app serves on its listener ({@code /stats}, {@code /logs}, TURN
 * credentials, health).
 */
package io.switchboard.server.http;
