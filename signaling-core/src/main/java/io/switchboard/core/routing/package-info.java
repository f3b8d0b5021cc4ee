/** Who receives what: delivery of events to a member on this node or, through the bus, on another node. */
package io.switchboard.core.routing;
