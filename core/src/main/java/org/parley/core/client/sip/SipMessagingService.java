package org.parley.core.client.sip;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.client.MessageOptions;
import org.parley.core.client.MessagingService;
import org.parley.core.contacts.ServiceCodec;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.im.SafeHtml;
import org.parley.core.model.InstantMessage;
import org.parley.core.model.InstantMessage.Delivery;
import org.parley.core.sip.SipErrors;
import org.parley.core.sip.SipRequests;
import org.parley.core.sip.UserAgent;
import org.parley.core.store.HistoryStore;

/**
 * Sending side of instant messaging (RFC 3428): MESSAGE with the delivery status read from the answer (200
 * delivered, 202 stored for later, anything else failed), is-composing (RFC 3994) at most every few seconds,
 * and server-hosted sessions through SERVICE chat.*. Every message goes to the local history.
 * Receiving is {@link IncomingMessages}.
 */
final class SipMessagingService implements MessagingService {
    static final String COMPOSING_TYPE = "application/im-iscomposing+xml";
    /** RFC 3261 §20.36 and §20.26: what carries {@link MessageOptions} on the wire. */
    static final String SUBJECT = "Subject";
    static final String PRIORITY = "Priority";
    static final String URGENT = "urgent";
    private static final int MAX_SUBJECT = 200;
    private static final Duration TYPING_REPEAT = Duration.ofSeconds(5);

    private final Engine engine;
    private final UserAgent ua;
    private final SipRequests requests;
    private final ServiceClient service;
    private final HistoryStore history;
    private final SipContactsService contacts;
    private final Listeners<MessageListener> listeners;
    private final Clock clock;
    private final String domain;
    private final Map<String, Instant> typingSent = new HashMap<>();
    private final Map<String, CompletableFuture<?>> lastToTarget = new HashMap<>();

    SipMessagingService(Engine engine, UserAgent ua, SipRequests requests, ServiceClient service, HistoryStore history,
                        SipContactsService contacts, Listeners<MessageListener> listeners, Clock clock, String domain) {
        this.engine = engine;
        this.ua = ua;
        this.requests = requests;
        this.service = service;
        this.history = history;
        this.contacts = contacts;
        this.listeners = listeners;
        this.clock = clock;
        this.domain = domain;
    }

    @Override
    public CompletableFuture<InstantMessage> send(String to, String contentType, String text, MessageOptions options) {
        String target = Uris.normalize(to, domain);
        String type = contentType == null || contentType.isBlank() ? "text/plain" : contentType.trim();
        String media = type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!media.equals("text/plain") && !media.equals("text/html")) {
            return CompletableFuture.failedFuture(new ParleyException(ErrorCode.INVALID_ARGUMENT,
                    "messages are text/plain or text/html, not " + type));
        }
        MessageOptions o = options == null ? MessageOptions.NONE : options;
        String subject = subject(o.subject());
        String body = media.equals("text/html") ? SafeHtml.sanitize(text) : text;
        return engine.call(() -> {
            String session = Uris.isSession(target) ? target : null;
            InstantMessage pending = history.add(target, new InstantMessage(null, requests.aor(), target, session, media,
                    body, clock.instant(), Delivery.PENDING, subject, o.highPriority()));
            typingSent.remove(target.toLowerCase(Locale.ROOT));
            if (session == null) {
                contacts.touched(target);
            }
            Request r = requests.outOfDialog(Request.MESSAGE, target);
            if (subject != null) {
                requests.header(r, SUBJECT, subject);
            }
            if (o.highPriority()) {
                requests.header(r, PRIORITY, URGENT);
            }
            requests.body(r, type.contains("charset") ? type : type + ";charset=UTF-8", body);
            return inOrder(target, r).thenApply(resp -> {
                int s = resp.getStatusCode();
                Delivery d = s == Response.OK ? Delivery.DELIVERED : s == Response.ACCEPTED ? Delivery.STORED
                        : s / 100 == 2 ? Delivery.DELIVERED : Delivery.FAILED;
                history.setDelivery(pending.id(), d);
                if (d == Delivery.FAILED) {
                    throw SipErrors.forResponse("message to " + target + " not delivered", resp);
                }
                return pending.withDelivery(d);
            }).whenComplete((m, e) -> {
                if (e != null && Engine.parley(e).code() == ErrorCode.NETWORK_FAILURE) {
                    history.setDelivery(pending.id(), Delivery.FAILED);
                }
            });
        });
    }

    /** A subject fit for one header line (no line breaks, trimmed, at most 200 characters), or null when blank. */
    static String subject(String s) {
        if (s == null) {
            return null;
        }
        String one = s.replaceAll("[\\r\\n\\t]+", " ").strip();
        if (one.isEmpty()) {
            return null;
        }
        return one.length() > MAX_SUBJECT ? one.substring(0, MAX_SUBJECT) : one;
    }

    @Override
    public void typing(String to, boolean active) {
        String target = Uris.normalize(to, domain);
        engine.execute(() -> {
            String k = target.toLowerCase(Locale.ROOT);
            Instant now = clock.instant();
            Instant last = typingSent.get(k);
            if (active && last != null && Duration.between(last, now).compareTo(TYPING_REPEAT) < 0) {
                return;
            }
            if (!active && last == null) {
                return;
            }
            if (active) {
                typingSent.put(k, now);
            } else {
                typingSent.remove(k);
            }
            Request r = requests.outOfDialog(Request.MESSAGE, target);
            requests.body(r, COMPOSING_TYPE, composing(active));
            inOrder(target, r);
        });
    }

    /**
     * Sends a MESSAGE once the previous one to the same target has its final answer, so a peer sees them in the
     * order they were sent (UDP and the server's parallel relaying would otherwise reorder them). Engine thread only.
     */
    private CompletableFuture<javax.sip.message.Response> inOrder(String target, Request r) {
        String k = target.toLowerCase(Locale.ROOT);
        CompletableFuture<?> previous = lastToTarget.getOrDefault(k, CompletableFuture.completedFuture(null));
        CompletableFuture<javax.sip.message.Response> sent = previous.handle((x, e) -> null)
                .thenComposeAsync(v -> ua.send(r), engine::execute);
        lastToTarget.put(k, sent);
        sent.whenComplete((x, e) -> engine.execute(() -> lastToTarget.remove(k, sent)));
        return sent;
    }

    /** An RFC 3994 status document. */
    static String composing(boolean active) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<isComposing xmlns=\"urn:ietf:params:xml:ns:im-iscomposing\">"
                + "<state>" + (active ? "active" : "idle") + "</state>"
                + "<contenttype>text/plain</contenttype>"
                + (active ? "<refresh>60</refresh>" : "")
                + "</isComposing>";
    }

    @Override
    public CompletableFuture<String> createSession(List<String> participants, String subject) {
        ObjectNode op = ServiceCodec.request("chat.create");
        ArrayNode list = op.putArray("participants");
        participants.forEach(p -> list.add(Uris.normalize(p, domain)));
        if (subject != null) {
            op.put("subject", subject);
        }
        return engine.call(() -> service.call(op).thenApply(o -> {
            String session = o.path("session").asText(null);
            if (session == null) {
                throw new ParleyException(ErrorCode.INTERNAL, "the server did not name the new session");
            }
            return session;
        }));
    }

    @Override
    public CompletableFuture<Void> invite(String session, String uri) {
        ObjectNode op = ServiceCodec.request("chat.invite");
        op.put("session", session);
        op.put("uri", Uris.normalize(uri, domain));
        return engine.call(() -> service.call(op).thenApply(o -> null));
    }

    @Override
    public CompletableFuture<Void> leave(String session) {
        ObjectNode op = ServiceCodec.request("chat.leave");
        op.put("session", session);
        return engine.call(() -> service.call(op).thenApply(o -> null));
    }

    @Override
    public void addListener(MessageListener listener) {
        listeners.add(listener);
    }
}
