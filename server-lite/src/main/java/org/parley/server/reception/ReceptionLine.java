package org.parley.server.reception;

import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.media.AudioSink;
import org.parley.core.sdp.SessionDescription;
import org.parley.server.policy.Aors;
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
 * The reception line (docs/protocol.md, "Reception line"): answers calls to {@code sip:ADDRESS@DOMAIN} as a user
 * agent server, plays the hold music while the caller waits in arrival order, and hands each caller on with a REFER
 * (RFC 3515) in the caller's dialog: to a free attendant (the first or the longest idle; or to a target the proxy
 * forks to every free attendant, {@link RingAll}), or after the overflow time
 * to the overflow target. The caller's client places the new call through the proxy and reports it with NOTIFYs; on
 * success the line hangs up its own leg, on failure the caller goes back to the head of the queue. Repeat callers
 * are marked on the REFER's Referred-By ({@code ;repeat=N}) and in the Refer-To's headers.
 */
public final class ReceptionLine implements LocalService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReceptionLine.class);
    /** How often the queue is looked at (overflow, free attendants). */
    static final long TICK_MS = 200;
    /** What a queued caller says is not listened to. */
    private static final AudioSink DISCARD = (mono, count) -> { };

    private final LocalDomain domain;
    private final Responses responses;
    private final Outbound outbound;
    private final ReceptionStore store;
    private final UasMedia media;
    private final Attendants attendants;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final UasMessages messages;
    private final RingAll ringAll;
    private final Map<String, QueuedCall> calls = new ConcurrentHashMap<>();
    private final UasRequests<QueuedCall> requests;
    /** Callers in arrival order (also those being referred); guarded by this. */
    private final List<QueuedCall> queue = new ArrayList<>();
    private final ExecutorService setUp = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parley-reception-setup");
        t.setDaemon(true);
        return t;
    });
    private volatile ReceptionSettings settings;
    private final ScheduledFuture<?> ticker;

    public ReceptionLine(LocalDomain domain, Responses responses, Outbound outbound, ReceptionStore store,
                         MediaHost media, Attendants attendants, ScheduledExecutorService scheduler, Clock clock) {
        this.domain = domain;
        this.responses = responses;
        this.outbound = outbound;
        this.store = store;
        this.media = new UasMedia(media);
        this.attendants = attendants;
        this.scheduler = scheduler;
        this.clock = clock;
        this.messages = new UasMessages(domain, responses, outbound.factories());
        this.ringAll = new RingAll(domain);
        this.requests = new UasRequests<>(responses, calls, scheduler, new UasRequests.Endpoint<>() {
            @Override
            public void invite(ServerTransaction tx, Request invite) {
                responses.reply(tx, invite, Response.TRYING, null);
                setUp.execute(() -> answer(tx, invite));
            }

            @Override
            public void inDialog(ServerTransaction tx, Request request, QueuedCall call) {
                ReceptionLine.this.inDialog(tx, request, call);
            }

            @Override
            public String takes() {
                return "The reception line takes calls only";
            }
        });
        this.settings = readSettings();
        this.ticker = scheduler.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** Callers answered and not yet handed on or gone, in arrival order (their From addresses). */
    public synchronized List<String> waiting() {
        return queue.stream().map(c -> c.caller).toList();
    }

    /** The ring-all targets this line makes, for the proxy to fork (distribution {@code all}). */
    public org.parley.server.proxy.RingGroups ringGroups() {
        return ringAll;
    }

    // ---- LocalService ----

    /** Requests for the line itself; a ring-all target ({@code ;ring=}) is the proxy's to fork, not the queue's. */
    private boolean toLine(Request request) {
        return request.getRequestURI() instanceof SipURI uri && settings.address().equalsIgnoreCase(uri.getUser())
                && domain.isLocalHost(uri.getHost()) && !RingAll.isRingTarget(uri);
    }

    @Override
    public boolean accepts(Request request) {
        return toLine(request);
    }

    @Override
    public boolean acceptsAck(Request ack) {
        return toLine(ack);
    }

    @Override
    public void handle(RequestEvent event) {
        requests.handle(event);
    }

    private void inDialog(ServerTransaction tx, Request request, QueuedCall call) {
        switch (request.getMethod()) {
            case Request.BYE -> {
                responses.reply(tx, request, Response.OK, null);
                end(call, false, "the caller hung up");
            }
            case Request.INVITE -> reinvite(tx, request, call);
            case Request.NOTIFY -> {
                responses.reply(tx, request, Response.OK, null);
                onNotify(call, request);
            }
            case Request.INFO, Request.UPDATE -> responses.reply(tx, request, Response.OK, null);
            default -> responses.reply(tx, request, Response.METHOD_NOT_ALLOWED, null);
        }
    }

    // ---- answering ----

    private void answer(ServerTransaction tx, Request invite) {
        UasMedia.Offer offer = UasMedia.offerOf(invite);
        if (!offer.usable()) {
            responses.reply(tx, invite, offer.status(), offer.reason());
            return;
        }
        ReceptionSettings s = settings;
        String caller = Aors.of(((FromHeader) invite.getHeader(FromHeader.NAME)).getAddress().getURI());
        String user = ((SipURI) invite.getRequestURI()).getUser().toLowerCase(Locale.ROOT);
        QueuedCall call = null;
        try {
            UasMedia.Answered a = media.answer(offer.sdp(), HoldMusic.of(s.music()), DISCARD, clock.millis());
            if (a.answer() == null) {
                responses.reply(tx, invite, Response.NOT_ACCEPTABLE_HERE, "No common codec (Opus, PCMU, PCMA)");
                return;
            }
            int repeat = store.arrived(caller, clock.instant(), s.repeatWindow());
            call = new QueuedCall(callId(invite), outbound.newTag(), invite, user, caller, clock.instant(), repeat);
            call.session = a.session();
            call.answer = a.answer();
            call.crypto = a.crypto();
            calls.put(call.key(), call);
            Response ok = messages.ok(invite, call.localTag, user, a.answer());
            call.ok = ok;
            synchronized (this) {
                queue.add(call);
            }
            requests.sendOk(tx, call);
            LOG.info("reception queued {} (call {} within the repeat window), {} waiting", caller, repeat, queue.size());
        } catch (IOException | ParseException | RuntimeException e) {
            LOG.warn("reception could not answer {}: {}", caller, e.toString());
            if (call != null) {
                forget(call);
                call.stopMedia(media.host());
            }
            responses.reply(tx, invite, e instanceof IOException ? Response.NOT_ACCEPTABLE_HERE
                    : Response.SERVER_INTERNAL_ERROR, null);
        }
    }

    private void reinvite(ServerTransaction tx, Request request, QueuedCall call) {
        try {
            byte[] body = request.getRawContent();
            SessionDescription answer = body == null || body.length == 0 ? null
                    : media.reanswer(call.session, call.answer, call.crypto, SessionDescription.parse(body),
                            call.sdpVersion.incrementAndGet());
            if (answer == null) {
                responses.reply(tx, request, Response.NOT_ACCEPTABLE_HERE, "The line keeps its media");
                return;
            }
            responses.send(tx, messages.ok(request, call.localTag, call.user, answer));
        } catch (ParseException | RuntimeException e) {
            responses.reply(tx, request, Response.NOT_ACCEPTABLE_HERE, "Bad SDP");
        }
    }



    // ---- the queue ----

    private ReceptionSettings readSettings() {
        try {
            return store.settings();
        } catch (RuntimeException e) {
            LOG.warn("reception settings unreadable ({}); using the defaults", e.getMessage());
            return ReceptionSettings.defaults();
        }
    }

    /** Every tick: re-reads the settings, overflows callers waiting too long, offers waiting callers to attendants. */
    void tick() {
        try {
            settings = readSettings();
            synchronized (this) {
                if (queue.isEmpty()) {
                    return;
                }
                overflow();
                dispatch();
            }
        } catch (RuntimeException e) {
            LOG.warn("reception queue round failed: {}", e.toString(), e);
        }
    }

    private void overflow() {
        ReceptionSettings s = settings;
        if (s.overflowTarget().isEmpty()) {
            return;
        }
        for (QueuedCall c : queue) {
            if (c.waiting() && !c.overflowFailed && !c.arrived.plus(s.overflowAfter()).isAfter(clock.instant())) {
                c.overflowing = true;
                String target = s.overflowUri(domain.domain());
                LOG.info("reception: {} waited {} s, overflows to {}", c.caller, s.overflowAfter().toSeconds(), target);
                refer(c, target, null);
            }
        }
    }

    private void dispatch() {
        ReceptionSettings s = settings;
        List<String> free = attendants.free(store.attendants());
        if (s.distribution() == ReceptionSettings.Distribution.ALL) {
            ringAllFree(free);
            return;
        }
        for (QueuedCall c : queue) {
            if (free.isEmpty()) {
                return;
            }
            if (!c.waiting()) {
                continue;
            }
            Optional<String> pick = attendants.pick(free, c.refusedBy, s.distribution());
            if (pick.isEmpty()) {
                return;
            }
            String a = pick.get();
            free = free.stream().filter(x -> !x.equals(a)).toList();
            c.offeredTo = a;
            attendants.offered(a);
            LOG.info("reception: {} offered to {} ({})", c.caller, a, s.distribution().word());
            refer(c, "sip:" + a + "@" + domain.domain(), a);
        }
    }

    /** Refers the first waiting caller to every free attendant at once (one caller rings them at a time). */
    private void ringAllFree(List<String> free) {
        if (free.isEmpty() || queue.stream().anyMatch(c -> !c.ringing.isEmpty())) {
            return;
        }
        queue.stream().filter(QueuedCall::waiting).findFirst().ifPresent(c -> {
            free.forEach(attendants::offered);
            String target = ringAll.start(c, free, (int) settings.ringFor().toSeconds());
            LOG.info("reception: {} rings {} (all)", c.caller, free);
            refer(c, target, null);
        });
    }

    /** Sends the REFER; a refused one puts the caller back in the queue (or ends an overflow attempt for good). */
    private void refer(QueuedCall c, String target, String attendant) {
        String by = "<sip:" + c.user + "@" + domain.domain() + ">" + (c.repeat > 1 ? ";repeat=" + c.repeat : "");
        String referTo = "<" + target + (c.repeat > 1 ? "?X-Parley-Repeat-Caller=" + c.repeat : "") + ">";
        try {
            outbound.send(messages.refer(c.invite, c.localTag, c.cseq.incrementAndGet(), c.user, referTo, by), r -> {
                if (r.getStatusCode() / 100 != 2) {
                    LOG.info("reception: REFER of {} to {} refused: {}", c.caller, target, r.getStatusCode());
                    referralEnded(c, false);
                }
            });
        } catch (ParseException | javax.sip.InvalidArgumentException | RuntimeException e) {
            LOG.warn("reception could not refer {} to {}: {}", c.caller, target, e.toString());
            referralEnded(c, false);
        }
    }

    /** A NOTIFY of the refer subscription: its sipfrag's status says how the caller's new call went. */
    private void onNotify(QueuedCall call, Request notify) {
        byte[] body = notify.getRawContent();
        String frag = body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8).strip();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^SIP/2\\.0 (\\d{3})").matcher(frag);
        if (!m.find()) {
            return;
        }
        int status = Integer.parseInt(m.group(1));
        if (status >= 200) {
            referralEnded(call, status < 300);
        }
    }

    private synchronized void referralEnded(QueuedCall call, boolean connected) {
        String a = call.offeredTo;
        if (!call.ringing.isEmpty()) {
            a = ringAll.ended(call, connected, attendants);
        } else if (a != null) {
            attendants.released(a, connected);
            call.offeredTo = null;
            if (!connected) {
                call.refusedBy.add(a);
            }
        } else if (call.overflowing && !connected) {
            call.overflowing = false;
            call.overflowFailed = true;
        }
        if (connected) {
            LOG.info("reception: {} connected to {}", call.caller, a != null ? a : "the overflow target");
            end(call, true, "handed on");
        }
    }

    /** Ends a caller's leg once: out of the queue, media stopped, and our BYE when {@code hangUp}. */
    private void end(QueuedCall call, boolean hangUp, String why) {
        if (!call.ended.compareAndSet(false, true)) {
            return;
        }
        forget(call);
        call.stopMedia(media.host());
        LOG.debug("reception leg of {} ended: {}", call.caller, why);
        if (hangUp) {
            try {
                outbound.send(messages.bye(call.invite, call.localTag, call.cseq.incrementAndGet()), r -> LOG.debug("reception BYE to {}: {}", call.caller, r.getStatusCode()));
            } catch (ParseException | javax.sip.InvalidArgumentException | RuntimeException e) {
                LOG.debug("reception could not hang up {}: {}", call.caller, e.toString());
            }
        }
    }

    private void forget(QueuedCall call) {
        calls.remove(call.key());
        synchronized (this) {
            queue.remove(call);
            ringAll.ended(call, false, attendants);
            if (call.offeredTo != null) {
                attendants.released(call.offeredTo, false);
                call.offeredTo = null;
            }
        }
    }

    private static String callId(Request r) {
        return ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
    }

    /** Hangs up every queued caller and stops the media engine. */
    @Override
    public void close() {
        ticker.cancel(false);
        setUp.shutdownNow();
        for (QueuedCall c : List.copyOf(calls.values())) {
            end(c, true, "the server stops");
        }
        media.host().close();
    }
}
