package org.parley.server.voicemail;

import java.util.concurrent.ScheduledFuture;
import javax.sip.message.Request;
import org.parley.core.media.PcmRecorder;
import org.parley.server.uas.MediaHost;
import org.parley.server.uas.UasDialog;

/**
 * One call voicemail answered: the dialog (Call-ID, our tag, the INVITE it answered, the 200 sent), the media
 * session, and the recording. {@link #recordFrom} is the recorder position where the beep ended (-1 before).
 */
final class VoicemailCall extends UasDialog {
    /** What the call is for: leaving a message, or hearing how many are waiting in one's own box. */
    enum Kind { DEPOSIT, COUNT }

    final String owner;
    final String reason;
    final Kind kind;
    final PcmRecorder recorder;
    volatile int recordFrom = -1;
    volatile ScheduledFuture<?> limit;

    VoicemailCall(String callId, String localTag, Request invite, String owner, String reason, Kind kind,
                  PcmRecorder recorder) {
        super(callId, localTag, invite);
        this.owner = owner;
        this.reason = reason;
        this.kind = kind;
        this.recorder = recorder;
    }

    /** Stops the media and the greeting/length timer (idempotent). */
    @Override
    public void stopMedia(MediaHost host) {
        ScheduledFuture<?> l = limit;
        if (l != null) {
            l.cancel(false);
        }
        super.stopMedia(host);
    }
}
