package org.parley.server.conference;

import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.SubjectHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.sdp.SessionDescription;
import org.parley.server.auth.Gatekeeper;
import org.parley.server.events.Subscription;
import org.parley.server.events.SubscriptionManager;
import org.parley.server.transport.LocalDomain;
import org.parley.server.transport.LocalService;
import org.parley.server.transport.Outbound;
import org.parley.server.transport.Responses;
import org.parley.server.uas.MediaHost;
import org.parley.server.uas.UasMedia;
import org.parley.server.uas.UasMessages;
import org.parley.server.uas.UasRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conference focus (docs/protocol.md, "Conferences"; RFC 4579): a user agent server for {@code sip:conf-ID@D}.
 * An INVITE creates the room (an authenticated local user; the organizer is that user, or the manager named in
 * {@code P-Served-User} when a delegate starts it) or joins it (anyone; Referred-By is kept); an unknown room for a
 * non-local caller is 404. The 200's Contact carries {@code ;isfocus}. Audio is mixed minus each member's own
 * ({@link Mixer}); a re-INVITE putting the focus on hold (sendonly/inactive) takes the member out of the mix. BYE
 * leaves; the last member leaving ends the room and frees its media. The roster is the {@code conference} event
 * package ({@link ConferencePackage}).
 */
public final class ConferenceFocus implements LocalService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConferenceFocus.class);
    /** The user part of a conference URI: {@code conf-} and the id. */
    static final Pattern USER = Pattern.compile("conf-([a-z0-9][a-z0-9-]{3,39})");

    /**
     * What the focus needs of the server: {@code displayNames} gives a local user's display name, {@code isDelegate}
     * tells whether (manager, user) is a current delegation.
     */
    public record Parts(LocalDomain domain, Responses responses, Outbound outbound, Gatekeeper gatekeeper,
                        Predicate<String> userExists, Function<String, String> displayNames,
                        BiPredicate<String, String> isDelegate, SubscriptionManager subscriptions,
                        ScheduledExecutorService scheduler, Clock clock, MediaHost media) {
    }

    private final Parts p;
    private final UasMedia media;
    private final UasMessages messages;
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    /** Rooms that just ended, for the final NOTIFY of their subscriptions. */
    private final Map<String, Room> ended = new ConcurrentHashMap<>();
    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private final UasRequests<Member> requests;
    private final ExecutorService setUp = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parley-conference-setup");
        t.setDaemon(true);
        return t;
    });

    public ConferenceFocus(Parts parts) {
        this.p = parts;
        this.media = new UasMedia(parts.media());
        this.messages = new UasMessages(parts.domain(), parts.responses(), parts.outbound().factories());
        parts.subscriptions().register(new ConferencePackage(this));
        this.requests = new UasRequests<>(parts.responses(), members, parts.scheduler(), new UasRequests.Endpoint<>() {
            @Override
            public void invite(ServerTransaction tx, Request invite) {
                ConferenceFocus.this.invite(tx, invite);
            }

            @Override
            public void inDialog(ServerTransaction tx, Request request, Member member) {
                ConferenceFocus.this.inDialog(tx, request, member);
            }

            @Override
            public boolean other(ServerTransaction tx, Request request) {
                if (!Request.SUBSCRIBE.equals(request.getMethod())) {
                    return false;
                }
                p.responses().reply(tx, request, Response.BAD_EVENT, "A room has the conference event package only");
                return true;
            }

            @Override
            public String takes() {
                return "Rooms take calls";
            }
        });
    }

    /** Rooms in progress. */
    public int activeRooms() {
        return rooms.size();
    }

    /** The members' addresses of record of a room in joining order (empty when there is no such room). */
    public List<String> roster(String id) {
        Room r = rooms.get(id);
        return r == null ? List.of() : r.members().stream().map(m -> m.aor).toList();
    }

    /** The organizer's address of record of a room, or null when there is no such room. */
    public String organizer(String id) {
        Room r = rooms.get(id);
        return r == null ? null : r.organizer;
    }

    /** The room id a URI names ({@code sip:conf-ID@our domain}), or null. */
    String roomIdOf(SipURI uri) {
        String user = uri.getUser();
        if (user == null || !p.domain().isLocalHost(uri.getHost())) {
            return null;
        }
        Matcher m = USER.matcher(user.toLowerCase(Locale.ROOT));
        return m.matches() ? m.group(1) : null;
    }

    Room room(String id) {
        return rooms.get(id);
    }

    /** The room, or the one that just ended with that id, or an empty ended room. */
    Room roomOrEnded(String id) {
        Room r = rooms.get(id);
        if (r == null) {
            r = ended.get(id);
        }
        if (r == null) {
            r = new Room(id, uriOf(id), "", null, "");
            r.end();
        }
        return r;
    }

    private String uriOf(String id) {
        return "sip:conf-" + id + "@" + p.domain().domain();
    }

    // ---- LocalService ----

    private boolean toRoom(Request request) {
        return request.getRequestURI() instanceof SipURI uri && roomIdOf(uri) != null;
    }

    @Override
    public boolean accepts(Request request) {
        return toRoom(request);
    }

    @Override
    public boolean acceptsAck(Request ack) {
        return toRoom(ack);
    }

    @Override
    public void handle(RequestEvent event) {
        requests.handle(event);
    }

    private void inDialog(ServerTransaction tx, Request request, Member member) {
        switch (request.getMethod()) {
            case Request.BYE -> {
                p.responses().reply(tx, request, Response.OK, null);
                leave(member, false);
            }
            case Request.INVITE -> reinvite(tx, request, member);
            case Request.INFO, Request.UPDATE, Request.NOTIFY -> p.responses().reply(tx, request, Response.OK, null);
            default -> p.responses().reply(tx, request, Response.METHOD_NOT_ALLOWED, null);
        }
    }

    // ---- joining ----

    private void invite(ServerTransaction tx, Request invite) {
        String id = roomIdOf((SipURI) invite.getRequestURI());
        String user = null;
        if (p.domain().isLocal(((FromHeader) invite.getHeader(FromHeader.NAME)).getAddress().getURI())) {
            // a local caller proves who it is: it may create a room, and the roster shows its real address
            user = p.gatekeeper().admit(tx, invite, true).orElse(null);
            if (user == null) {
                return;
            }
        }
        p.responses().reply(tx, invite, Response.TRYING, null);
        String who = user;
        setUp.execute(() -> join(tx, invite, id, who));
    }

    private void join(ServerTransaction tx, Request invite, String id, String user) {
        UasMedia.Offer offer = UasMedia.offerOf(invite);
        if (!offer.usable()) {
            p.responses().reply(tx, invite, offer.status(), offer.reason());
            return;
        }
        Joiner joiner = Joiner.of(invite, user, p.domain(), p.displayNames());
        String manager = null;
        if (user != null && joiner.servedUser() != null) {
            manager = joiner.servedLocalUser(p.domain(), p.userExists());
            if (manager == null || !p.isDelegate().test(manager, user)) {
                p.responses().reply(tx, invite, Response.FORBIDDEN, "not a delegate of "
                        + (manager == null ? joiner.servedUser() : manager));
                return;
            }
        }
        Member member = enter(id, invite, user, manager, joiner);
        if (member == null) {
            p.responses().reply(tx, invite, Response.NOT_FOUND, "No such conference");
            return;
        }
        try {
            UasMedia.Answered a = media.answer(offer.sdp(), member.track, member.track, p.clock().millis());
            if (a.answer() == null) {
                leave(member, false);
                p.responses().reply(tx, invite, Response.NOT_ACCEPTABLE_HERE, "No common codec (Opus, PCMU, PCMA)");
                return;
            }
            member.session = a.session();
            member.answer = a.answer();
            member.crypto = a.crypto();
            member.direction(a.direction());
            members.put(member.key(), member);
            Response ok = focusOk(invite, member, a.answer());
            member.ok = ok;
            requests.sendOk(tx, member);
            LOG.info("conference {}: {} joined ({} {}{}), {} member(s)", id, member.aor, a.codec(),
                    a.session().srtp() ? "SRTP" : "RTP", member.referredBy == null ? "" : ", referred by "
                            + member.referredBy, member.room.members().size());
            changed(member.room);
        } catch (IOException | ParseException | RuntimeException e) {
            LOG.warn("conference {} could not answer {}: {}", id, member.aor, e.toString());
            leave(member, false);
            p.responses().reply(tx, invite, e instanceof IOException ? Response.NOT_ACCEPTABLE_HERE
                    : Response.SERVER_INTERNAL_ERROR, null);
        }
    }

    /** Finds or creates the room and adds the member to it; null when the room does not exist for a non-local caller. */
    private synchronized Member enter(String id, Request invite, String user, String manager, Joiner joiner) {
        Room room = rooms.get(id);
        if (room == null || room.ended()) {
            if (user == null) {
                return null;
            }
            String organizer = manager != null ? "sip:" + manager + "@" + p.domain().domain() : joiner.aor();
            SubjectHeader subject = (SubjectHeader) invite.getHeader(SubjectHeader.NAME);
            room = new Room(id, uriOf(id), organizer, manager != null ? joiner.aor() : null,
                    subject != null ? subject.getSubject() : "Conference");
            rooms.put(id, room);
            ended.remove(id);
            LOG.info("conference {} started by {} (organizer {})", id, joiner.aor(), organizer);
        }
        Member m = new Member(room, callId(invite), p.outbound().newTag(), invite, joiner.aor(), joiner.name(),
                joiner.contact(), joiner.referredBy(), room.mixer.add());
        room.add(m);
        return m;
    }

    /** The 200 with our Contact marked as a focus (RFC 4579: {@code ;isfocus}). */
    private Response focusOk(Request invite, Member m, SessionDescription answer) throws ParseException {
        Response ok = messages.ok(invite, m.localTag, "conf-" + m.room.id, answer);
        ContactHeader c = (ContactHeader) ok.getHeader(ContactHeader.NAME);
        ok.setHeader(p.outbound().factories().headers().createHeader(ContactHeader.NAME,
                c.getAddress().toString() + ";isfocus"));
        return ok;
    }

    private void reinvite(ServerTransaction tx, Request request, Member member) {
        try {
            byte[] body = request.getRawContent();
            SessionDescription answer = body == null || body.length == 0 ? null
                    : media.reanswer(member.session, member.answer, member.crypto, SessionDescription.parse(body),
                            member.sdpVersion.incrementAndGet());
            if (answer == null) {
                p.responses().reply(tx, request, Response.NOT_ACCEPTABLE_HERE, "The focus keeps its media");
                return;
            }
            p.responses().send(tx, focusOk(request, member, answer));
            if (member.direction(member.session.direction())) {
                LOG.info("conference {}: {} is {}", member.room.id, member.aor, member.status.word);
                changed(member.room);
            }
        } catch (ParseException | RuntimeException e) {
            p.responses().reply(tx, request, Response.NOT_ACCEPTABLE_HERE, "Bad SDP");
        }
    }



    // ---- leaving ----

    /** A member leaves once: media stopped, out of the room (ending it when last), our BYE when {@code hangUp}. */
    private void leave(Member m, boolean hangUp) {
        if (!m.ended.compareAndSet(false, true)) {
            return;
        }
        members.remove(m.key());
        m.stopMedia(media.host());
        m.status = Member.Status.DISCONNECTED;
        Room room = m.room;
        boolean last;
        synchronized (this) {
            last = room.remove(m);
            if (last) {
                rooms.remove(room.id, room);
            }
        }
        if (last) {
            ended.put(room.id, room);
            p.scheduler().schedule(() -> ended.remove(room.id, room), 30, TimeUnit.SECONDS);
            LOG.info("conference {} ended", room.id);
            for (Subscription s : p.subscriptions().subscriptions(ConferencePackage.EVENT, room.id)) {
                p.subscriptions().terminate(s, "noresource");
            }
        } else {
            LOG.info("conference {}: {} left", room.id, m.aor);
            changed(room);
        }
        if (hangUp) {
            try {
                p.outbound().send(messages.bye(m.invite, m.localTag, m.cseq.incrementAndGet()),
                        r -> LOG.debug("conference BYE to {}: {}", m.aor, r.getStatusCode()));
            } catch (ParseException | javax.sip.InvalidArgumentException | RuntimeException e) {
                LOG.debug("conference could not hang up {}: {}", m.aor, e.toString());
            }
        }
    }

    private void changed(Room room) {
        try {
            p.subscriptions().changed(ConferencePackage.EVENT, room.id);
        } catch (RuntimeException e) {
            LOG.debug("no conference NOTIFY for {} (stopping?): {}", room.id, e.toString());
        }
    }

    private static String callId(Request r) {
        return ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
    }

    /** Hangs up every member and stops the media engine. */
    @Override
    public void close() {
        setUp.shutdownNow();
        for (Member m : List.copyOf(members.values())) {
            leave(m, true);
        }
        p.media().close();
    }
}
