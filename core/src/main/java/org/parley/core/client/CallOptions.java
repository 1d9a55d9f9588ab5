package org.parley.core.client;

/**
 * Context of an outgoing call carried to the callee: a subject (the SIP Subject header; null for none) and high
 * priority (Priority: urgent).
 */
public record CallOptions(String subject, boolean highPriority) {
    public static final CallOptions NONE = new CallOptions(null, false);

    public CallOptions {
        if (subject != null && subject.isBlank()) {
            subject = null;
        }
        if (subject != null && (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException("a call subject is one line");
        }
    }
}
