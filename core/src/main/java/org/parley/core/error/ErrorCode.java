package org.parley.core.error;

/** Stable error codes shared by the server, the apps and the command-line tools. */
public enum ErrorCode {
    INVALID_ARGUMENT(2),
    NOT_FOUND(3),
    ALREADY_EXISTS(4),
    STORAGE_FAILURE(5),
    NETWORK_FAILURE(6),
    CONFIGURATION(7),
    /** Wrong password, or the account is locked for a while after failures. */
    AUTHENTICATION_FAILED(8),
    /** The server's TLS certificate is not the one pinned at first use. */
    CERTIFICATE_MISMATCH(9),
    /** The peer or the server refused the request (blocked, forbidden, too large). */
    REFUSED(10),
    /** No answer in time. */
    TIMEOUT(11),
    INTERNAL(70);

    private final int exitStatus;

    ErrorCode(int exitStatus) {
        this.exitStatus = exitStatus;
    }

    /** The process exit status a command-line tool uses when it stops on this error. */
    public int exitStatus() {
        return exitStatus;
    }
}
