package org.parley.core.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Audio calls (SIP INVITE with an RFC 3264 SDP offer/answer). Several calls may exist at once; at most one is
 * active: answering or placing a call first holds the active one. Every change of a call is reported to the
 * listeners as a {@link Call} snapshot on the client's executor. Calls are named by an id of this client.
 */
public interface TelephonyService {

    /**
     * Starts the audio engine now, in the background, instead of at the first call: a console that takes calls all
     * day then answers its first one without waiting for the engine (and SRTP) to start. Completes when the engine is
     * ready or has failed to start (calls then fail as they would have).
     */
    CompletableFuture<Void> prepareAudio();

    /** Places a call to {@code uri} (a SIP URI or a user name of this domain); progress arrives at the listeners. */
    Call call(String uri, CallOptions options);

    /** Answers an INCOMING call (holding the active one, if any). */
    CompletableFuture<Void> answer(String callId);

    /** Refuses an INCOMING call: 603 Decline, or 486 Busy Here when {@code busy}. */
    CompletableFuture<Void> decline(String callId, boolean busy);

    default CompletableFuture<Void> decline(String callId) {
        return decline(callId, false);
    }

    /** Ends a call: CANCEL while it is not answered yet, BYE once it is; an INCOMING one is declined. */
    CompletableFuture<Void> hangup(String callId);

    /** Puts a connected call on hold (re-INVITE with a sendonly offer, inactive if the peer holds it too). */
    CompletableFuture<Void> hold(String callId);

    /** Takes a held call back (re-INVITE with sendrecv), holding the other active call first. */
    CompletableFuture<Void> resume(String callId);

    /** Mutes or unmutes this side's microphone on a call (silence is sent; the peer is not told). */
    CompletableFuture<Void> mute(String callId, boolean muted);

    /** Sends DTMF digits (0-9, *, #, A-D) on a connected call as RFC 4733 telephone-events. */
    CompletableFuture<Void> sendDtmf(String callId, String digits);

    /**
     * Blind transfer (RFC 3515 REFER with Referred-By, RFC 3892): asks the peer of a connected call to call
     * {@code target} (a user, AOR or number). Completes when the peer reports the new call answered (NOTIFY with a
     * 2xx sipfrag); this call then ends. Fails if the peer refuses the REFER or the new call fails.
     */
    CompletableFuture<Void> transfer(String callId, String target);

    /**
     * Consultative transfer (REFER with Replaces, RFC 3891): connects the peer of {@code callId} with the peer of
     * {@code consultCallId} (a call this side placed or answered to consult), then ends both of this side's calls.
     */
    CompletableFuture<Void> transferToCall(String callId, String consultCallId);

    /**
     * Sends an INCOMING call elsewhere without answering it (302 Moved Temporarily): to a user, a number or the
     * voicemail of this user.
     */
    CompletableFuture<Void> redirect(String callId, CallTarget target);

    /** The live quality of a call with media, or null if the call is unknown or has no media yet. */
    CallQuality quality(String callId);

    /** This user's forwarding rules, read from the server. */
    CompletableFuture<CallForwarding> forwarding();

    /** Stores this user's forwarding rules on the server; they apply to the next call. */
    CompletableFuture<Void> setForwarding(CallForwarding rules);

    /** Audio devices this machine has. */
    AudioDevices.Available availableDevices();

    /** The devices calls use; changing them applies to the next call. */
    AudioDevices devices();

    void useDevices(AudioDevices devices);

    /** Calls that have not ended, oldest first. */
    List<Call> calls();

    void addCallListener(CallListener listener);

    interface CallListener {
        void onCall(Call call);
    }

    enum Direction {
        INCOMING, OUTGOING
    }

    enum State {
        /** Outgoing, the INVITE is on its way. */
        DIALING,
        /** Offered to this client, waiting for answer or decline. */
        INCOMING,
        /** Outgoing, the callee is alerted (180/183). */
        RINGING,
        CONNECTED,
        /** This side put the call on hold. */
        HELD,
        /** The peer put the call on hold (and this side did not). */
        REMOTE_HELD,
        ENDED;

        public boolean isFinal() {
            return this == ENDED;
        }
    }

    enum EndReason {
        /** This side hung up (BYE), or cancelled its own unanswered call. */
        LOCAL_HANGUP,
        /** The peer hung up (BYE). */
        REMOTE_HANGUP,
        /** The caller cancelled before the call was answered (seen by the callee: a missed call). */
        CANCELLED,
        /** The callee or this side declined (603). */
        DECLINED,
        /** The callee is busy (486/600). */
        BUSY,
        /** No such user (404). */
        NOT_FOUND,
        /** Nobody took the call (480, 408). */
        UNAVAILABLE,
        /** The peer could not take the offered media (488), or sent an answer this side cannot use. */
        MEDIA_REFUSED,
        /** This side transferred the call (REFER accepted and the new call answered), or redirected it (302). */
        TRANSFERRED,
        /** The call was replaced by another dialog (RFC 3891 Replaces). */
        REPLACED,
        /** Anything else (network failure, 5xx); see {@link Call#detail()}. */
        FAILED
    }

    /**
     * A call as it is now. {@code peerName} is the display name the peer's SIP headers carried (null if none);
     * {@code started} when the call was placed or offered, {@code connected} when it was first answered (null before:
     * the call timer runs from it); {@code muted} this side's microphone; {@code referredBy} who transferred this
     * call to this side (RFC 3892 Referred-By; null if none); {@code onBehalfOf} the manager (AOR) a delegated call is
     * for: a manager's call ringing at a delegate, or a call a delegate placed for a manager (null otherwise);
     * {@code forwarded} whether the call was forwarded or
     * redirected on its way; {@code referredRepeat} the {@code repeat=N} parameter of the Referred-By header (a
     * reception line marks a caller's N-th call within its window that way, docs/protocol.md; 0 if none). {@code codec} ({@code PCMU/8000}), {@code mediaDirection} (this side's negotiated SDP
     * direction: {@code sendrecv}, {@code sendonly}, {@code recvonly}, {@code inactive}), {@code localRtpPort} and
     * {@code remoteRtpPort} are known once the offer/answer is done (null/0 before); {@code endReason} and
     * {@code detail} once it ended.
     */
    record Call(String id, String peer, String peerName, Direction direction, State state, String subject,
                boolean highPriority, String codec, String mediaDirection, int localRtpPort, String remoteRtpAddress,
                int remoteRtpPort, java.time.Instant started, java.time.Instant connected, boolean muted,
                String referredBy, String onBehalfOf, boolean forwarded, EndReason endReason, String detail,
                int referredRepeat) {

        /** A call without a Referred-By repeat mark. */
        public Call(String id, String peer, String peerName, Direction direction, State state, String subject,
                    boolean highPriority, String codec, String mediaDirection, int localRtpPort, String remoteRtpAddress,
                    int remoteRtpPort, java.time.Instant started, java.time.Instant connected, boolean muted,
                    String referredBy, String onBehalfOf, boolean forwarded, EndReason endReason, String detail) {
            this(id, peer, peerName, direction, state, subject, highPriority, codec, mediaDirection, localRtpPort,
                    remoteRtpAddress, remoteRtpPort, started, connected, muted, referredBy, onBehalfOf, forwarded,
                    endReason, detail, 0);
        }
    }
}
