package org.parley.server.im;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.address.SipURI;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.server.auth.Gatekeeper;
import org.parley.server.policy.Aors;
import org.parley.server.transport.LocalDomain;
import org.parley.server.transport.LocalService;
import org.parley.server.transport.Responses;
import org.parley.server.users.Cards;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's MESSAGE service (RFC 3428; docs/protocol.md, "Instant messages"): out-of-dialog MESSAGEs to a local
 * user ({@code sip:bob@D}) or to a multiparty session ({@code sip:chat~ID@D}). Only authenticated local users may
 * send (407, then 403 when From is not them). To a user: 404 unknown, 413 too large, then the recipient's rules
 * ({@link MessageRouter}): 200 delivered, 202 stored, 480 refused. To a session: 404 unknown, 403 for a
 * non-participant, 413, else 200 and a fan-out to the other participants.
 */
public final class ImRelay implements LocalService {
    private static final Logger LOG = LoggerFactory.getLogger(ImRelay.class);

    private final LocalDomain domain;
    private final Gatekeeper gatekeeper;
    private final Responses responses;
    private final SipProvider provider;
    private final Cards cards;
    private final MessageRouter router;
    private final ChatSessions sessions;
    private final int maxBytes;
    private final Clock clock;

    ImRelay(LocalDomain domain, Gatekeeper gatekeeper, Responses responses, SipProvider provider, Cards cards,
            MessageRouter router, ChatSessions sessions, int maxBytes, Clock clock) {
        this.domain = domain;
        this.gatekeeper = gatekeeper;
        this.responses = responses;
        this.provider = provider;
        this.cards = cards;
        this.router = router;
        this.sessions = sessions;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    @Override
    public boolean accepts(Request request) {
        if (!Request.MESSAGE.equals(request.getMethod()) || !(request.getRequestURI() instanceof SipURI sip)
                || sip.getUser() == null || !domain.isMe(sip)) {
            return false;
        }
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        if (to != null && to.getTag() != null) {
            return false; // in a dialog: the proxy follows its route set
        }
        String user = sip.getUser().toLowerCase(Locale.ROOT);
        return user.indexOf('~') < 0 || user.startsWith(ChatSessions.PREFIX);
    }

    @Override
    public void handle(RequestEvent event) {
        ServerTransaction tx = responses.serverTransaction(event);
        if (tx == null) {
            return;
        }
        Request request = event.getRequest();
        Optional<String> sender = gatekeeper.admit(tx, request, true);
        if (sender.isEmpty()) {
            return;
        }
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        if (!(from.getAddress().getURI() instanceof SipURI fromUri) || fromUri.getUser() == null
                || !sender.get().equals(fromUri.getUser().toLowerCase(Locale.ROOT)) || !domain.isLocalHost(fromUri.getHost())) {
            responses.reply(tx, request, Response.FORBIDDEN, "From does not match the authenticated user");
            return;
        }
        byte[] body = request.getRawContent() == null ? new byte[0] : request.getRawContent();
        if (body.length == 0) {
            responses.reply(tx, request, Response.BAD_REQUEST, "MESSAGE without a body");
            return;
        }
        String target = ((SipURI) request.getRequestURI()).getUser().toLowerCase(Locale.ROOT);
        String senderAor = Aors.of(sender.get(), domain.domain());
        String senderName = displayName(from, sender.get());
        String contentType = contentType(request);
        Extras extras = new Extras(subject(request), urgent(request));
        if (target.startsWith(ChatSessions.PREFIX)) {
            toSession(tx, request, target, senderAor, senderName, contentType, body, extras);
        } else {
            toUser(tx, request, target, senderAor, senderName, contentType, body, extras);
        }
    }

    private void toUser(ServerTransaction tx, Request request, String recipient, String senderAor, String senderName,
                        String contentType, byte[] body, Extras extras) {
        if (cards.of(recipient).isEmpty()) {
            responses.reply(tx, request, Response.NOT_FOUND, null);
            return;
        }
        if (body.length > maxBytes) {
            responses.reply(tx, request, Response.REQUEST_ENTITY_TOO_LARGE, "Larger than " + maxBytes + " bytes");
            return;
        }
        boolean composing = Envelope.isComposing(contentType);
        Envelope e = new Envelope(recipient, senderAor, senderName, senderAor, contentType, body, clock.millis(),
                composing, composing ? null : extras.subject(), !composing && extras.urgent());
        router.route(e, outcome -> {
            switch (outcome) {
                case DELIVERED -> responses.reply(tx, request, Response.OK, null);
                case STORED -> responses.reply(tx, request, Response.ACCEPTED, "Stored");
                case REFUSED -> responses.reply(tx, request, Response.TEMPORARILY_UNAVAILABLE, null);
                default -> responses.reply(tx, request, Response.SERVER_INTERNAL_ERROR, null);
            }
        });
    }

    private void toSession(ServerTransaction tx, Request request, String target, String senderAor, String senderName,
                           String contentType, byte[] body, Extras extras) {
        Optional<ChatSession> session = sessions.byUser(target);
        if (session.isEmpty()) {
            responses.reply(tx, request, Response.NOT_FOUND, "No such session");
            return;
        }
        if (!session.get().has(senderAor)) {
            responses.reply(tx, request, Response.FORBIDDEN, "Not a participant of this session");
            return;
        }
        if (body.length > maxBytes) {
            responses.reply(tx, request, Response.REQUEST_ENTITY_TOO_LARGE, "Larger than " + maxBytes + " bytes");
            return;
        }
        responses.reply(tx, request, Response.OK, null);
        boolean composing = Envelope.isComposing(contentType);
        sessions.relay(session.get(), senderAor, senderName, contentType, body, composing,
                composing ? null : extras.subject(), !composing && extras.urgent());
    }

    /** The sender's name from their card (the directory's, not a name the sender put in From), else From's. */
    private String displayName(FromHeader from, String user) {
        Optional<String> card = cards.of(user).map(c -> c.displayName()).filter(n -> n != null && !n.isBlank());
        if (card.isPresent()) {
            return card.get();
        }
        String name = from.getAddress().getDisplayName();
        return name == null || name.isBlank() ? null : name.trim();
    }

    /** What the server carries besides the body: the sender's Subject and Priority: urgent. */
    private record Extras(String subject, boolean urgent) {
    }

    /** The Subject as one trimmed line of at most 200 characters, or null. */
    private static String subject(Request request) {
        Header h = request.getHeader(MessageRequests.SUBJECT_HEADER);
        if (h == null) {
            return null;
        }
        String v = h.toString();
        int colon = v.indexOf(':');
        String s = (colon >= 0 ? v.substring(colon + 1) : v).replaceAll("[\\r\\n\\t]+", " ").strip();
        if (s.isEmpty()) {
            return null;
        }
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    private static boolean urgent(Request request) {
        Header h = request.getHeader(MessageRequests.PRIORITY_HEADER);
        if (h == null) {
            return false;
        }
        String v = h.toString();
        String p = v.substring(v.indexOf(':') + 1).trim();
        return p.equalsIgnoreCase(MessageRequests.URGENT) || p.equalsIgnoreCase("emergency");
    }

    private static String contentType(Request request) {
        ContentTypeHeader ct = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        if (ct == null) {
            return "text/plain";
        }
        String value = ct.toString();
        int colon = value.indexOf(':');
        return (colon >= 0 ? value.substring(colon + 1) : value).trim();
    }

}
