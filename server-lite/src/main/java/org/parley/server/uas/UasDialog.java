package org.parley.server.uas;

import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.media.AudioSession;

/**
 * What every dialog a server-side media endpoint answered has (voicemail, the reception line, the conference focus):
 * Call-ID and our tag (its key), the INVITE it answered, the 200 sent and whether its ACK came, whether it ended, and
 * its media session.
 */
public abstract class UasDialog {
    public final String callId;
    public final String localTag;
    public final Request invite;
    public final AtomicBoolean ended = new AtomicBoolean();
    public volatile AudioSession session;
    public volatile Response ok;
    public volatile boolean acked;

    protected UasDialog(String callId, String localTag, Request invite) {
        this.callId = callId;
        this.localTag = localTag;
        this.invite = invite;
    }

    /** The dialog's key: Call-ID and our tag. */
    public static String key(String callId, String localTag) {
        return callId + "|" + localTag;
    }

    public String key() {
        return key(callId, localTag);
    }

    /** Stops the media (idempotent), closing the session on the host's own thread. */
    public void stopMedia(MediaHost host) {
        AudioSession s = session;
        if (s != null) {
            host.release(s);
        }
    }
}
