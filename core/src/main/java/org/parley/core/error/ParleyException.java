package org.parley.core.error;

/**
 * The one base exception of Parley: an error code and a message fit to show a user.
 * Log it once, where it is handled, never where it is thrown.
 */
public class ParleyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public ParleyException(ErrorCode code, String userMessage) {
        super(userMessage);
        this.code = code;
    }

    public ParleyException(ErrorCode code, String userMessage, Throwable cause) {
        super(userMessage, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** The message a user sees: short, no stack trace, says what is wrong. */
    public String userMessage() {
        return getMessage();
    }
}
