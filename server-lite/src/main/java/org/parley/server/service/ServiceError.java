package org.parley.server.service;

/** A SERVICE operation's refusal: the SIP status and a message fit to show the user. */
public final class ServiceError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public ServiceError(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ServiceError badRequest(String message) {
        return new ServiceError(400, message);
    }

    public static ServiceError notFound(String message) {
        return new ServiceError(404, message);
    }

    public static ServiceError forbidden(String message) {
        return new ServiceError(403, message);
    }

    public static ServiceError conflict(String message) {
        return new ServiceError(409, message);
    }
}
