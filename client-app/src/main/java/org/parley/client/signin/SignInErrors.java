package org.parley.client.signin;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.parley.core.error.ParleyException;

/** Turns what the core reports when a sign-in fails into one sentence a person can act on. */
public final class SignInErrors {
    private SignInErrors() {
    }

    /** The message for {@code failure}; {@code server} is "host:port" as the user entered it. */
    public static String messageFor(Throwable failure, String server) {
        Throwable t = unwrap(failure);
        if (!(t instanceof ParleyException p)) {
            return "Sign-in failed: " + describe(t);
        }
        return switch (p.code()) {
            case AUTHENTICATION_FAILED, NOT_FOUND -> "Wrong sign-in address or password.";
            case NETWORK_FAILURE -> "Cannot reach the server " + server
                    + ". Check the server name, port and transport, and your network connection.";
            case CERTIFICATE_MISMATCH -> "The server's certificate changed since you last signed in. Someone may be"
                    + " intercepting the connection: ask your administrator before you sign in again.";
            case TIMEOUT -> "The server " + server + " did not answer in time. Try again in a moment.";
            case INVALID_ARGUMENT -> "Check the sign-in details: " + describe(p);
            case REFUSED -> "The server refused the sign-in: " + describe(p);
            case STORAGE_FAILURE, CONFIGURATION -> "Cannot use this computer's data folder: " + describe(p);
            default -> "Sign-in failed: " + describe(p);
        };
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
