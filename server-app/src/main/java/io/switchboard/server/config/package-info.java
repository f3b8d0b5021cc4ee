/**
 * Config values ({@link io.switchboard.server.config.ServerConfig} and its parts, all immutable records with their
 * defaults in one place) and the policies derived from them (origins).
 */
package io.switchboard.server.config;
