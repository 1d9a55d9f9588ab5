package org.parley.server.conference;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.message.Request;
import org.parley.core.media.MediaDirection;
import org.parley.core.sdp.SessionDescription;
import org.parley.server.uas.UasDialog;

/**
 * One member of a room: the dialog the focus answered (Call-ID, our tag, the INVITE, the 200), who it is (address of
 * record, display name, who referred it), its media session and its track in the room's mix.
 */
final class Member extends UasDialog {
    /** RFC 4575 endpoint status values used by the focus. */
    enum Status {
        CONNECTED("connected"), ON_HOLD("on-hold"), DISCONNECTED("disconnected");

        final String word;

        Status(String word) {
            this.word = word;
        }
    }

    final Room room;
    final String aor;
    final String name;
    /** The contact URI of the member's endpoint (the INVITE's Contact, else its From). */
    final String contact;
    /** Who brought the member in (Referred-By, RFC 3892), or null. */
    final String referredBy;
    final Mixer.Track track;
    final AtomicLong sdpVersion = new AtomicLong(1);
    final AtomicLong cseq = new AtomicLong();
    volatile SessionDescription answer;
    volatile List<String> crypto = List.of();
    volatile Status status = Status.CONNECTED;

    Member(Room room, String callId, String localTag, Request invite, String aor, String name, String contact,
           String referredBy, Mixer.Track track) {
        super(callId, localTag, invite);
        this.room = room;
        this.aor = aor;
        this.name = name;
        this.contact = contact;
        this.referredBy = referredBy;
        this.track = track;
    }

    /**
     * Our side's direction after an offer/answer: anything but sendrecv means the member holds the focus, which takes
     * it out of the mix. True when the status changed.
     */
    boolean direction(MediaDirection ours) {
        boolean held = ours != MediaDirection.SENDRECV;
        Status now = held ? Status.ON_HOLD : Status.CONNECTED;
        track.active(!held);
        if (status == now) {
            return false;
        }
        status = now;
        return true;
    }
}
