package org.parley.server.voicemail;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.media.AudioSession;
import org.parley.core.media.PcmRecorder;
import org.parley.server.uas.MediaHost;

/**
 * One call voicemail answered: the dialog (Call-ID, our tag, the INVITE it answered, the 200 sent), the media
 * session, and the recording. {@link #recordFrom} is the recorder position where the beep ended (-1 before).
 */
final class VoicemailCall {
    /** What the call is for: leaving a message, or hearing how many are waiting in one's own box. */
    enum Kind { DEPOSIT, COUNT }

    final String callId;
    final String localTag;
    final Request invite;
    final String owner;
    final String reason;
    final Kind kind;
    final PcmRecorder recorder;
    final AtomicBoolean ended = new AtomicBoolean();
    volatile AudioSession session;
    volatile Response ok;
    volatile boolean acked;
    volatile int recordFrom = -1;
    volatile ScheduledFuture<?> limit;

    VoicemailCall(String callId, String localTag, Request invite, String owner, String reason, Kind kind,
                  PcmRecorder recorder) {
        this.callId = callId;
        this.localTag = localTag;
        this.invite = invite;
        this.owner = owner;
        this.reason = reason;
        this.kind = kind;
        this.recorder = recorder;
    }

    /** The dialog's key: Call-ID and our tag. */
    static String key(String callId, String localTag) {
        return callId + "|" + localTag;
    }

    String key() {
        return key(callId, localTag);
    }

    /** Stops the media (idempotent). */
    void stopMedia(MediaHost host) {
        ScheduledFuture<?> l = limit;
        if (l != null) {
            l.cancel(false);
        }
        AudioSession s = session;
        if (s != null) {
            host.release(s);
        }
    }
}
