/** Tests of PrivyDrop's REST routes, called through a route table with in-memory requests and a fake service. */
package io.switchboard.server.http.privydrop;
