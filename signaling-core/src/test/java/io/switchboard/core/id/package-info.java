/** Tests of the id generator. */
package io.switchboard.core.id;
