/** Tests of the reference relay over real loopback connections. */
package io.switchboard.server.bench.reference;
