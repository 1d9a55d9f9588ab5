package org.parley.core.client.sip;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.sip.UserAgent;
import org.parley.core.sip.UserAgent.Incoming;

/**
 * Incoming INVITEs, CANCELs and BYEs of the client (on the engine thread). A new INVITE goes to the handler of the
 * first media type of its SDP offer that has one ({@code message} for file transfer, {@code audio} for calls);
 * with none it is answered 488 Not Acceptable Here. CANCEL and BYE go to the session that claimed their Call-ID.
 */
final class InviteRouter implements UserAgent.RequestProcessor {

    /** Takes a new INVITE with its SDP offer; must answer it. */
    interface OfferHandler {
        void onOffer(Incoming invite, String sdp);
    }

    /** A session's in-dialog events. */
    interface SessionHandler {
        /** The caller cancelled the pending INVITE; the CANCEL itself is already answered 200. */
        void onCancel(Incoming cancel);

        /** The peer ended the session; the BYE is answered 200 after this returns. */
        void onBye(Incoming bye);

        /**
         * A re-INVITE in this session (a new offer, e.g. hold). Returns false when the session does not take new
         * offers (then it is answered 488); a session that returns true must answer it.
         */
        default boolean onReinvite(Incoming reinvite) {
            return false;
        }
    }

    private final UserAgent ua;
    private final Map<String, OfferHandler> byMedia = new ConcurrentHashMap<>();
    private final Map<String, SessionHandler> sessions = new ConcurrentHashMap<>();

    InviteRouter(UserAgent ua) {
        this.ua = ua;
    }

    /** Registers this router for INVITE, CANCEL and BYE on the user agent. */
    void attach() {
        ua.register(Request.INVITE, this);
        ua.register(Request.CANCEL, this);
        ua.register(Request.BYE, this);
    }

    void handle(String mediaType, OfferHandler handler) {
        byMedia.put(mediaType, handler);
    }

    void bind(String callId, SessionHandler session) {
        sessions.put(callId, session);
    }

    void unbind(String callId) {
        sessions.remove(callId);
    }

    @Override
    public void process(Incoming in) {
        Request r = in.request();
        String callId = ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
        SessionHandler session = sessions.get(callId);
        switch (r.getMethod()) {
            case Request.CANCEL -> {
                ua.reply(in, session == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.OK);
                if (session != null) {
                    session.onCancel(in);
                }
            }
            case Request.BYE -> {
                if (session == null) {
                    ua.reply(in, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                    return;
                }
                session.onBye(in);
                ua.reply(in, Response.OK);
            }
            default -> offer(in, session);
        }
    }

    private void offer(Incoming in, SessionHandler session) {
        if (session != null) {
            // a re-INVITE: calls take new offers (hold/resume); file transfers do not change once set up
            if (!session.onReinvite(in)) {
                ua.reply(in, Response.NOT_ACCEPTABLE_HERE);
            }
            return;
        }
        byte[] body = in.request().getRawContent();
        String sdp = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        List<String> media = FileSdp.mediaTypes(sdp);
        for (String m : media) {
            OfferHandler h = byMedia.get(m);
            if (h != null) {
                h.onOffer(in, sdp);
                return;
            }
        }
        ua.reply(in, Response.NOT_ACCEPTABLE_HERE);
    }
}
