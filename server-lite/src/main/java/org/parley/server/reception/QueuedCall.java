package org.parley.server.reception;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.media.AudioSession;
import org.parley.core.sdp.SessionDescription;
import org.parley.server.uas.MediaHost;

/**
 * One caller the reception line answered: the dialog (Call-ID, our tag, the INVITE, the 200 sent, our CSeq), the
 * hold-tone media, when it arrived and its repeat count, and where it is being sent (an attendant or the overflow
 * target; null while it waits). Fields other than the finals are guarded by the line's lock.
 */
final class QueuedCall {
    final String callId;
    final String localTag;
    final Request invite;
    /** The line's user part the caller dialled (our Contact). */
    final String user;
    final String caller;
    final Instant arrived;
    final int repeat;
    final AtomicLong cseq = new AtomicLong();
    final AtomicBoolean ended = new AtomicBoolean();
    volatile AudioSession session;
    volatile Response ok;
    volatile SessionDescription answer;
    volatile java.util.List<String> crypto = java.util.List.of();
    final AtomicLong sdpVersion = new AtomicLong(1);
    volatile boolean acked;
    /** The attendant the caller is being referred to, or null. */
    String offeredTo;
    /** True once the caller is being (or was) referred to the overflow target. */
    boolean overflowing;
    /** True once a referral to the overflow target failed: the caller then waits for an attendant only. */
    boolean overflowFailed;
    /** Attendants who did not take this caller (declined, busy, no answer): skipped while others are free. */
    final Set<String> refusedBy = new HashSet<>();

    QueuedCall(String callId, String localTag, Request invite, String user, String caller, Instant arrived, int repeat) {
        this.callId = callId;
        this.localTag = localTag;
        this.invite = invite;
        this.user = user;
        this.caller = caller;
        this.arrived = arrived;
        this.repeat = repeat;
    }

    static String key(String callId, String localTag) {
        return callId + "|" + localTag;
    }

    String key() {
        return key(callId, localTag);
    }

    boolean waiting() {
        return offeredTo == null && !overflowing;
    }

    void stopMedia(MediaHost host) {
        AudioSession s = session;
        if (s != null) {
            host.release(s);
        }
    }
}
