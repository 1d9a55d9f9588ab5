package org.parley.core.client.sip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.header.DateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.client.MessagingService.MessageListener;
import org.parley.core.im.Cpim;
import org.parley.core.im.SafeHtml;
import org.parley.core.model.InstantMessage;
import org.parley.core.model.InstantMessage.Delivery;
import org.parley.core.sip.SipMessages;
import org.parley.core.sip.UserAgent;
import org.parley.core.store.HistoryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incoming MESSAGE requests (engine thread): text (1:1, live or from the server's store with
 * {@code X-Parley-Stored}), is-composing, session events and CPIM-wrapped session messages. Each is answered 200,
 * stored in the history when it is a message (text/html reduced by {@link SafeHtml} first, with its Subject and
 * Priority), and told to the listeners.
 */
final class IncomingMessages implements UserAgent.RequestProcessor {
    static final String CHAT_EVENT_TYPE = "application/vnd.parley.chat-event+json";
    private static final Logger LOG = LoggerFactory.getLogger(IncomingMessages.class);
    private static final Pattern STATE = Pattern.compile("<(?:\\w+:)?state>\\s*(\\w+)\\s*</", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UserAgent ua;
    private final HistoryStore history;
    private final SipContactsService contacts;
    private final Listeners<MessageListener> listeners;
    private final Clock clock;
    private final String aor;

    IncomingMessages(UserAgent ua, HistoryStore history, SipContactsService contacts, Listeners<MessageListener> listeners,
                     Clock clock, String aor) {
        this.ua = ua;
        this.history = history;
        this.contacts = contacts;
        this.listeners = listeners;
        this.clock = clock;
        this.aor = aor;
    }

    @Override
    public void process(UserAgent.Incoming in) {
        Request m = in.request();
        String from = SipMessages.fromUri(m);
        String type = SipMessages.mediaType(m);
        String session = Uris.isSession(from) ? from : null;
        try {
            switch (type) {
                case SipMessagingService.COMPOSING_TYPE -> {
                    Matcher s = STATE.matcher(SipMessages.text(m));
                    boolean active = s.find() && s.group(1).equalsIgnoreCase("active");
                    listeners.fire(l -> l.onTyping(from, session, active));
                }
                case CHAT_EVENT_TYPE -> sessionEvent(from, SipMessages.text(m));
                case Cpim.CONTENT_TYPE -> {
                    Cpim.Message c = Cpim.parse(SipMessages.text(m));
                    String media = c.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
                    if (media.equals(SipMessagingService.COMPOSING_TYPE)) {
                        Matcher s = STATE.matcher(c.body());
                        boolean active = s.find() && s.group(1).equalsIgnoreCase("active");
                        listeners.fire(l -> l.onTyping(c.from(), session, active));
                    } else {
                        deliver(session == null ? c.from() : session, new InstantMessage(null, c.from(),
                                session == null ? aor : session, session, media, safe(media, c.body()),
                                c.dateTime() != null ? c.dateTime() : sentAt(m), delivery(m), subject(m), urgent(m)));
                    }
                }
                default -> {
                    String media = type.isEmpty() ? "text/plain" : type;
                    deliver(session == null ? from : session, new InstantMessage(null, from, session == null ? aor : session,
                            session, media, safe(media, SipMessages.text(m)), sentAt(m), delivery(m), subject(m),
                            urgent(m)));
                    if (session == null) {
                        contacts.touched(from);
                    }
                }
            }
            ua.reply(in, Response.OK);
        } catch (RuntimeException e) {
            LOG.info("unreadable MESSAGE from {} ({}): {}", from, type, e.toString());
            ua.reply(in, Response.BAD_REQUEST);
        }
    }

    private void deliver(String peer, InstantMessage m) {
        InstantMessage stored = history.add(peer, m);
        listeners.fire(l -> l.onMessage(stored));
    }

    private void sessionEvent(String session, String json) {
        try {
            JsonNode o = JSON.readTree(json);
            List<String> participants = new ArrayList<>();
            o.path("participants").forEach(p -> participants.add(p.asText()));
            String event = o.path("event").asText();
            String who = o.path("who").asText(null);
            listeners.fire(l -> l.onSessionEvent(session, event, who, List.copyOf(participants)));
        } catch (IOException e) {
            throw new IllegalArgumentException("bad session event: " + e.getMessage(), e);
        }
    }

    /** Rich text is reduced to the safe subset before anything stores or shows it. */
    private static String safe(String media, String body) {
        return media.equals("text/html") ? SafeHtml.sanitize(body) : body;
    }

    private static String subject(Request m) {
        return SipMessagingService.subject(SipMessages.header(m, SipMessagingService.SUBJECT));
    }

    /** {@code Priority: urgent} (or {@code emergency}) marks a high-priority message. */
    private static boolean urgent(Request m) {
        String p = SipMessages.header(m, SipMessagingService.PRIORITY);
        return p != null && (p.equalsIgnoreCase(SipMessagingService.URGENT) || p.equalsIgnoreCase("emergency"));
    }

    private static Delivery delivery(Request m) {
        String stored = SipMessages.header(m, "X-Parley-Stored");
        if (stored == null) {
            return Delivery.RECEIVED;
        }
        return stored.trim().equalsIgnoreCase("missed") ? Delivery.MISSED : Delivery.RECEIVED_OFFLINE;
    }

    /**
     * When it was sent: for a message from the server's store, its Date (the original time, to the second); for a live
     * one, now (our clock, to the millisecond, so history keeps the order in which we sent and received).
     */
    private Instant sentAt(Request m) {
        DateHeader d = (DateHeader) m.getHeader(DateHeader.NAME);
        boolean stored = SipMessages.header(m, "X-Parley-Stored") != null;
        return stored && d != null && d.getDate() != null ? d.getDate().toInstant() : clock.instant();
    }
}
