package org.parley.server.cdr;

import java.time.Instant;

/**
 * One call detail record as stored: who called whom, when it started, was answered and ended, its outcome
 * (answered, voicemail, busy, declined, no-answer, unavailable, cancelled, refused, not-found, failed), the final SIP
 * status, why it was forwarded (null if it was not) and who or what finally took or last rang it.
 */
public record CallRecord(long id, String callId, String caller, String callee, Instant started, Instant answered,
                         Instant ended, String outcome, int status, String forwardingReason, String routedTo) {

    /** The outcome word for a final status the caller got (a 2xx is "answered"). */
    public static String outcomeOf(int status) {
        if (status / 100 == 2) {
            return "answered";
        }
        switch (status) {
            case 486, 600:
                return "busy";
            case 603:
                return "declined";
            case 487:
                return "cancelled";
            case 408:
                return "no-answer";
            case 480:
                return "unavailable";
            case 403:
                return "refused";
            case 404, 484:
                return "not-found";
            default:
                return "failed";
        }
    }
}
