package org.parley.core.msrp;

/** Malformed MSRP input, or a session that cannot go on; the message says what was wrong. */
public class MsrpException extends java.io.IOException {
    public MsrpException(String message) {
        super(message);
    }

    public MsrpException(String message, Throwable cause) {
        super(message, cause);
    }
}
