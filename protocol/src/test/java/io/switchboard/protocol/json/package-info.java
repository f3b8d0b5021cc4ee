/** Tests of the byte-level JSON writer: string escaping, UTF-8 encoding, numbers and raw splices. */
package io.switchboard.protocol.json;
