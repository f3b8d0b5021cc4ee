/** Tests of the {@code switchboard} command line; they run {@code check-config} and never start a server. */
package io.switchboard.server.cli;
