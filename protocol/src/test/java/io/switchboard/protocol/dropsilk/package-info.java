/**
 * Tests of the DropSilk classic dialect: every client message decoded to its command with {@code data} kept byte for
 * byte, hostile and mutated frames turned into values, and golden frames for every server message.
 */
package io.switchboard.protocol.dropsilk;
