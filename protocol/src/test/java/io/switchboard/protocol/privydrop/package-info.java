/** Tests of the PrivyDrop dialect: golden events both ways, hostile frames, truncations and mutations. */
package io.switchboard.protocol.privydrop;
