package org.parley.core.presence;

import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;

/** A presence document (PIDF, RLMI multipart, watcher info) that cannot be read. */
public final class PresenceFormatException extends ParleyException {
    private static final long serialVersionUID = 1L;

    public PresenceFormatException(String message) {
        super(ErrorCode.INVALID_ARGUMENT, message);
    }
}
