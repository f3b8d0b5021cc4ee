/** The one list of failure codes ({@link io.switchboard.core.error.ErrorCode}) and the exception that carries them. */
package io.switchboard.core.error;
