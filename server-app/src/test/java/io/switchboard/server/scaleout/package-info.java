/**
 * Several Switchboard nodes on one real Redis (standalone or a 3-master Cluster): clients split across nodes, a node
 * killed with SIGKILL, Redis stopped and started under traffic.
 */
package io.switchboard.server.scaleout;
