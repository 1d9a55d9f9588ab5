package org.parley.client.forwarding;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The user-facing sentence of a failed core call (a ParleyException's message, unwrapped from the future). */
public final class Failures {
    private Failures() {
    }

    public static String message(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
