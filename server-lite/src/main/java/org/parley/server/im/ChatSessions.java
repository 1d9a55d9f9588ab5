package org.parley.server.im;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.parley.core.im.Cpim;
import org.parley.server.policy.Aors;
import org.parley.server.service.ServiceError;
import org.parley.server.transport.LocalDomain;
import org.parley.server.users.Cards;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Multiparty IM sessions hosted by the server at {@code sip:chat~ID@domain} (docs/protocol.md): created, joined and
 * left through SERVICE ops; each roster change is announced to every participant with a
 * {@code application/vnd.parley.chat-event+json} MESSAGE from the session URI; a participant's MESSAGE to the
 * session goes to every other participant wrapped in {@code message/cpim}. Sessions live in memory; the store keeps
 * them (and their rosters) across restarts. Participants are local users.
 */
public final class ChatSessions {
    private static final Logger LOG = LoggerFactory.getLogger(ChatSessions.class);
    static final String PREFIX = "chat~";
    static final String EVENT_TYPE = "application/vnd.parley.chat-event+json";
    private static final char[] ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final ChatStore store;
    private final MessageRouter router;
    private final Cards cards;
    private final LocalDomain domain;
    private final int maxParticipants;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentMap<String, ChatSession> sessions = new ConcurrentHashMap<>();

    ChatSessions(ChatStore store, MessageRouter router, Cards cards, LocalDomain domain, int maxParticipants, Clock clock) {
        this.store = store;
        this.router = router;
        this.cards = cards;
        this.domain = domain;
        this.maxParticipants = maxParticipants;
        this.clock = clock;
    }

    /** Loads the sessions kept from before a restart. */
    void load() {
        for (ChatStore.Row row : store.loadAll()) {
            sessions.put(row.id(), new ChatSession(row.id(), uriOf(row.id()), row.subject(), row.createdBy(), row.participants()));
        }
        LOG.info("restored {} IM sessions", sessions.size());
    }

    String uriOf(String id) {
        return "sip:" + PREFIX + id + "@" + domain.domain();
    }

    /** The session a Request-URI user part ({@code chat~ID}) names. */
    Optional<ChatSession> byUser(String userPart) {
        if (!userPart.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return Optional.ofNullable(sessions.get(userPart.substring(PREFIX.length()).toLowerCase(Locale.ROOT)));
    }

    /** Creates a session of the creator and the given participants; announces it; returns its URI. */
    public String create(String user, List<String> participants, String subject) {
        String creator = aorOf(user);
        Set<String> roster = new LinkedHashSet<>();
        roster.add(creator);
        for (String p : participants) {
            roster.add(localUser(p));
            if (roster.size() > maxParticipants) {
                throw new ServiceError(413, "A session can have at most " + maxParticipants + " participants");
            }
        }
        String id = newId();
        List<String> list = List.copyOf(roster);
        store.create(id, subject, creator, clock.millis(), list);
        ChatSession s = new ChatSession(id, uriOf(id), subject, creator, list);
        sessions.put(id, s);
        LOG.debug("{} created session {} with {} participants", user, s.uri(), list.size());
        // each participant learns of the session once: "joined" naming themselves, with the whole roster
        for (String p : list) {
            send(s, p, creator, eventBody("joined", p, list, subject), EVENT_TYPE, false);
        }
        return s.uri();
    }

    /** Adds a participant (a no-op when already in); returns the roster. */
    public List<String> invite(String user, String sessionUri, String uri) {
        ChatSession s = session(sessionUri);
        String inviter = aorOf(user);
        String invitee = localUser(uri);
        List<String> roster;
        synchronized (s) {
            if (!s.has(inviter)) {
                throw ServiceError.forbidden("You are not in this session");
            }
            if (s.has(invitee)) {
                return s.roster();
            }
            if (s.size() >= maxParticipants) {
                throw new ServiceError(413, "A session can have at most " + maxParticipants + " participants");
            }
            store.addParticipant(s.id(), invitee);
            s.addLocked(invitee);
            roster = s.roster();
        }
        byte[] notice = eventBody("joined", invitee, roster, s.subject());
        for (String p : roster) {
            send(s, p, inviter, notice, EVENT_TYPE, false);
        }
        return roster;
    }

    /** Removes the user from the session and tells the others; the session ends when nobody is left. */
    public void leave(String user, String sessionUri) {
        ChatSession s = session(sessionUri);
        String leaver = aorOf(user);
        List<String> roster;
        synchronized (s) {
            if (!s.has(leaver)) {
                throw ServiceError.forbidden("You are not in this session");
            }
            store.removeParticipant(s.id(), leaver);
            s.removeLocked(leaver);
            roster = s.roster();
            if (roster.isEmpty()) {
                sessions.remove(s.id(), s);
            }
        }
        byte[] notice = eventBody("left", leaver, roster, s.subject());
        for (String p : roster) {
            send(s, p, leaver, notice, EVENT_TYPE, false);
        }
    }

    /**
     * Sends a participant's message to every other participant as {@code message/cpim} from the session URI; each
     * recipient's rules (Blocked, Do Not Disturb) apply to the original sender.
     */
    void relay(ChatSession s, String senderAor, String senderName, String contentType, byte[] body, boolean composing,
               String subject, boolean urgent) {
        String inner = new String(body, StandardCharsets.UTF_8);
        Instant now = clock.instant();
        String cpim = Cpim.build(new Cpim.Message(senderName, senderAor, List.of(s.uri()), now, null, contentType, inner));
        byte[] wrapped = cpim.getBytes(StandardCharsets.UTF_8);
        for (String p : s.roster()) {
            if (!p.equals(senderAor)) {
                send(s, p, senderAor, wrapped, Cpim.CONTENT_TYPE, composing, subject, urgent);
            }
        }
    }

    private void send(ChatSession s, String participantAor, String policyAor, byte[] body, String contentType, boolean composing) {
        send(s, participantAor, policyAor, body, contentType, composing, null, false);
    }

    private void send(ChatSession s, String participantAor, String policyAor, byte[] body, String contentType, boolean composing,
                      String subject, boolean urgent) {
        String user = userOf(participantAor);
        Envelope e = new Envelope(user, s.uri(), s.subject(), policyAor, contentType, body, clock.millis(), composing,
                subject, urgent);
        try {
            router.route(e, outcome -> LOG.debug("session {} to {}: {}", s.uri(), participantAor, outcome));
        } catch (RuntimeException ex) {
            LOG.warn("session {}: cannot pass a message to {}: {}", s.uri(), participantAor, ex.toString());
        }
    }

    private byte[] eventBody(String event, String who, List<String> roster, String subject) {
        ObjectNode n = json.createObjectNode();
        n.put("event", event);
        n.put("who", who);
        ArrayNode list = n.putArray("participants");
        roster.forEach(list::add);
        if (subject != null) {
            n.put("subject", subject);
        }
        try {
            return json.writeValueAsBytes(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ChatSession session(String sessionUri) {
        if (sessionUri == null) {
            throw ServiceError.badRequest("Missing session");
        }
        String aor = Aors.normalize(sessionUri);
        int at = aor.indexOf('@');
        if (!aor.startsWith("sip:") || at < 0 || !domain.isLocalHost(aor.substring(at + 1))) {
            throw ServiceError.notFound("No such session");
        }
        return byUser(aor.substring(4, at)).orElseThrow(() -> ServiceError.notFound("No such session"));
    }

    /** The normalized AOR of a local user named by a URI; 400 for other URIs, 404 for unknown users. */
    private String localUser(String uri) {
        if (uri == null || uri.isBlank()) {
            throw ServiceError.badRequest("Missing participant");
        }
        String aor = Aors.normalize(uri);
        int at = aor.indexOf('@');
        if (!aor.startsWith("sip:") || at < 5 || !domain.isLocalHost(aor.substring(at + 1))) {
            throw ServiceError.badRequest("Only users of " + domain.domain() + " can take part: " + uri);
        }
        String user = aor.substring(4, at);
        if (user.indexOf('~') >= 0 || cards.of(user).isEmpty()) {
            throw ServiceError.notFound("No such user: " + uri);
        }
        return aorOf(user);
    }

    private String aorOf(String user) {
        return Aors.of(user, domain.domain());
    }

    private static String userOf(String aor) {
        return aor.substring(4, aor.indexOf('@'));
    }

    private String newId() {
        StringBuilder sb = new StringBuilder(20);
        do {
            sb.setLength(0);
            for (int i = 0; i < 20; i++) {
                sb.append(ID_CHARS[random.nextInt(ID_CHARS.length)]);
            }
        } while (sessions.containsKey(sb.toString()));
        return sb.toString();
    }

    /** The SERVICE operations of sessions: chat.create, chat.invite, chat.leave. */
    public List<org.parley.server.service.ServiceOp> serviceOps() {
        List<org.parley.server.service.ServiceOp> ops = new ArrayList<>();
        ops.add(new ChatCreateOp(this));
        ops.add(new ChatInviteOp(this));
        ops.add(new ChatLeaveOp(this));
        return ops;
    }
}
