/** Tests of DropSilk's flight rules. */
package io.switchboard.core.room;
