/**
 * The apps a listener can serve: each {@link io.switchboard.server.app.AppModule} bundles an app's dialect, its core
 * service (registered on the node) and its HTTP routes; {@link io.switchboard.server.app.AppModules} builds one by
 * name.
 */
package io.switchboard.server.app;
