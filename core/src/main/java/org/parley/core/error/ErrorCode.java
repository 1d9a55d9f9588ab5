package org.parley.core.error;

/** Stable error codes shared by the server, the apps and the command-line tools. */
public enum ErrorCode {
    INVALID_ARGUMENT(2),
    NOT_FOUND(3),
    ALREADY_EXISTS(4),
    STORAGE_FAILURE(5),
    NETWORK_FAILURE(6),
    CONFIGURATION(7),
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
