/**
 * The {@code switchboard} command line (picocli): {@code serve} and {@code check-config}, the options they share
 * ({@link io.switchboard.server.cli.ServerOptions}), and how an option's value is found when the command line does not
 * give it: environment variable, then properties file, then {@link io.switchboard.server.config.ServerConfig#DEFAULTS}.
 */
package io.switchboard.server.cli;
