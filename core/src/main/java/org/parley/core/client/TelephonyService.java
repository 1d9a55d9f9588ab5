package org.parley.core.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Audio calls (SIP INVITE with an RFC 3264 SDP offer/answer). Several calls may exist at once; at most one is
 * active: answering or placing a call first holds the active one. Every change of a call is reported to the
 * listeners as a {@link Call} snapshot on the client's executor. Calls are named by an id of this client.
 */
public interface TelephonyService {

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
        /** Anything else (network failure, 5xx); see {@link Call#detail()}. */
        FAILED
    }

    /**
     * A call as it is now. {@code codec} ({@code PCMU/8000}), {@code mediaDirection} (this side's negotiated SDP
     * direction: {@code sendrecv}, {@code sendonly}, {@code recvonly}, {@code inactive}), {@code localRtpPort} and
     * {@code remoteRtpPort} are known once the offer/answer is done (null/0 before); {@code endReason} and
     * {@code detail} once it ended.
     */
    record Call(String id, String peer, Direction direction, State state, String subject, boolean highPriority,
                String codec, String mediaDirection, int localRtpPort, String remoteRtpAddress, int remoteRtpPort, EndReason endReason,
                String detail) {
    }
}
