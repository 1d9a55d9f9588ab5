package org.parley.core.sip;

import javax.sip.message.Response;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;

/** Turns SIP failures into the typed errors of {@link ParleyException}, with messages fit for a user. */
public final class SipErrors {
    private SipErrors() {
    }

    /** The error for a final non-2xx answer to a request (not REGISTER: see {@link #forRegister}). */
    public static ParleyException forResponse(String what, Response r) {
        int s = r.getStatusCode();
        String reason = r.getReasonPhrase() == null ? "" : r.getReasonPhrase();
        String msg = what + ": " + s + " " + reason;
        switch (s) {
            case Response.UNAUTHORIZED:
            case Response.PROXY_AUTHENTICATION_REQUIRED:
                return new ParleyException(ErrorCode.AUTHENTICATION_FAILED, what + ": the server did not accept the credentials");
            case Response.NOT_FOUND:
            case Response.GONE:
                return new ParleyException(ErrorCode.NOT_FOUND, msg);
            case Response.REQUEST_TIMEOUT:
                return new ParleyException(ErrorCode.TIMEOUT, msg);
            case Response.BAD_REQUEST:
                return new ParleyException(ErrorCode.INVALID_ARGUMENT, msg);
            case Response.SERVICE_UNAVAILABLE:
            case Response.SERVER_TIMEOUT:
                return new ParleyException(ErrorCode.NETWORK_FAILURE, msg);
            default:
                return s >= 500 ? new ParleyException(ErrorCode.INTERNAL, msg) : new ParleyException(ErrorCode.REFUSED, msg);
        }
    }

    /**
     * The error for a failed REGISTER: 401/403 mean a wrong user name or password (the server answers an unknown
     * user like a wrong password so as not to reveal who exists, ADR 0003), 404 an address not served there.
     */
    public static ParleyException forRegister(Response r) {
        int s = r.getStatusCode();
        if (s == Response.UNAUTHORIZED || s == Response.FORBIDDEN || s == Response.PROXY_AUTHENTICATION_REQUIRED) {
            return new ParleyException(ErrorCode.AUTHENTICATION_FAILED,
                    "sign-in refused: wrong user name or password (or too many failed attempts; wait a minute)");
        }
        if (s == Response.NOT_FOUND) {
            return new ParleyException(ErrorCode.NOT_FOUND, "sign-in refused: no such user on this server ("
                    + s + " " + r.getReasonPhrase() + ")");
        }
        return forResponse("sign-in failed", r);
    }
}
