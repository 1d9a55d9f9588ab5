package org.parley.server.reception;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.message.Request;
import org.parley.core.sdp.SessionDescription;
import org.parley.server.uas.UasDialog;

/**
 * One caller the reception line answered: the dialog (Call-ID, our tag, the INVITE, the 200 sent, our CSeq), the
 * hold-tone media, when it arrived and its repeat count, and where it is being sent (an attendant or the overflow
 * target; null while it waits). Fields other than the finals are guarded by the line's lock.
 */
final class QueuedCall extends UasDialog {
    /** The line's user part the caller dialled (our Contact). */
    final String user;
    final String caller;
    final Instant arrived;
    final int repeat;
    final AtomicLong cseq = new AtomicLong();
    volatile SessionDescription answer;
    volatile java.util.List<String> crypto = java.util.List.of();
    final AtomicLong sdpVersion = new AtomicLong(1);
    /** The attendant the caller is being referred to, or null. */
    String offeredTo;
    /** True once the caller is being (or was) referred to the overflow target. */
    boolean overflowing;
    /** True once a referral to the overflow target failed: the caller then waits for an attendant only. */
    boolean overflowFailed;
    /** Distribution all: the attendants rung at once for this caller (empty when none), and the ticket naming them. */
    volatile java.util.List<String> ringing = java.util.List.of();
    String ringTicket;
    /** Distribution all: how long the attendants ring for this caller (the line's ring-seconds when it was offered). */
    volatile int ringSeconds;
    /** Distribution all: the attendant who answered (told by the proxy), or null. */
    volatile String answeredBy;
    /** Attendants who did not take this caller (declined, busy, no answer): skipped while others are free. */
    final Set<String> refusedBy = new HashSet<>();

    QueuedCall(String callId, String localTag, Request invite, String user, String caller, Instant arrived, int repeat) {
        super(callId, localTag, invite);
        this.user = user;
        this.caller = caller;
        this.arrived = arrived;
        this.repeat = repeat;
    }

    boolean waiting() {
        return offeredTo == null && !overflowing && ringing.isEmpty();
    }

}
