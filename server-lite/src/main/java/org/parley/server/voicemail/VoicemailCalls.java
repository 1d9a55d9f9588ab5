package org.parley.server.voicemail;

import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.media.AudioSession;
import org.parley.core.media.PcmRecorder;
import org.parley.server.auth.Gatekeeper;
import org.parley.server.routing.VoicemailDesk;
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
 * Voicemail as a user agent server: answers calls routing hands over ({@link #takeCall}) and direct calls to
 * {@code sip:voicemail@DOMAIN} with 200 and an SDP answer (SRTP-SDES or plain RTP; Opus, PCMU, PCMA), plays the
 * greeting and the beep, records up to the maximum length, and stores the message when the caller hangs up (before
 * the BYE is answered) or the maximum is reached (then it sends BYE). Its 200's Contact is
 * {@code sip:voicemail@HOST:PORT}, so ACK and BYE of its dialogs come back here.
 */
public final class VoicemailCalls implements VoicemailDesk, LocalService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VoicemailCalls.class);
    public static final String USER = "voicemail";

    /** What a deposit may be: the longest recording. */
    public record Settings(Duration maxLength) {
    }

    private final LocalDomain domain;
    private final Responses responses;
    private final Outbound outbound;
    private final Gatekeeper gatekeeper;
    private final VoicemailStore store;
    private final Predicate<String> userExists;
    private final UasMedia media;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Settings settings;
    private final Consumer<String> boxChanged;
    private final Map<String, VoicemailCall> calls = new ConcurrentHashMap<>();
    private final UasRequests<VoicemailCall> requests;
    private final UasMessages messages;
    /**
     * Media set-up off the SIP threads: the first call of a server starts the media engine (a second or more;
     * callers have a 100 Trying meanwhile).
     */
    private final java.util.concurrent.ExecutorService setUp = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parley-voicemail-setup");
        t.setDaemon(true);
        return t;
    });

    public VoicemailCalls(LocalDomain domain, Responses responses, Outbound outbound, Gatekeeper gatekeeper,
                          VoicemailStore store, Predicate<String> userExists, MediaHost media,
                          ScheduledExecutorService scheduler, Clock clock, Settings settings, Consumer<String> boxChanged) {
        this.domain = domain;
        this.responses = responses;
        this.outbound = outbound;
        this.gatekeeper = gatekeeper;
        this.store = store;
        this.userExists = userExists;
        this.media = new UasMedia(media);
        this.scheduler = scheduler;
        this.clock = clock;
        this.settings = settings;
        this.boxChanged = boxChanged;
        this.messages = new UasMessages(domain, responses, outbound.factories());
        this.requests = new UasRequests<>(responses, calls, scheduler, new UasRequests.Endpoint<>() {
            @Override
            public void invite(ServerTransaction tx, Request invite) {
                direct(tx, invite);
            }

            @Override
            public void inDialog(ServerTransaction tx, Request request, VoicemailCall call) {
                VoicemailCalls.this.inDialog(tx, request, call);
            }

            @Override
            public String takes() {
                return "Voicemail takes calls only";
            }
        });
    }

    @Override
    public boolean hasMailbox(String user) {
        return user != null && !USER.equals(user) && userExists.test(user.toLowerCase(Locale.ROOT));
    }

    /** Calls in progress (media running). */
    public int activeCalls() {
        return calls.size();
    }

    @Override
    public void takeCall(ServerTransaction transaction, Request invite, String user, String reason) {
        String owner = user.toLowerCase(Locale.ROOT);
        if (!hasMailbox(owner)) {
            responses.reply(transaction, invite, Response.NOT_FOUND, "No such mailbox");
            return;
        }
        setUp.execute(() -> answer(transaction, invite, owner, reason, VoicemailCall.Kind.DEPOSIT));
    }

    // ---- LocalService: direct calls and the requests of our own dialogs ----

    private boolean toVoicemail(Request request) {
        return request.getRequestURI() instanceof SipURI uri && USER.equalsIgnoreCase(uri.getUser())
                && domain.isLocalHost(uri.getHost());
    }

    @Override
    public boolean accepts(Request request) {
        return toVoicemail(request);
    }

    @Override
    public boolean acceptsAck(Request ack) {
        return toVoicemail(ack);
    }

    @Override
    public void handle(RequestEvent event) {
        requests.handle(event);
    }

    private void inDialog(ServerTransaction tx, Request request, VoicemailCall call) {
        switch (request.getMethod()) {
            case Request.BYE -> {
                // the message is stored before the BYE is answered: a 200 means it survives a kill
                end(call, false);
                responses.reply(tx, request, Response.OK, null);
            }
            case Request.INVITE -> responses.reply(tx, request, Response.NOT_ACCEPTABLE_HERE, "Voicemail keeps its media");
            case Request.INFO, Request.UPDATE, Request.NOTIFY -> responses.reply(tx, request, Response.OK, null);
            default -> responses.reply(tx, request, Response.METHOD_NOT_ALLOWED, null);
        }
    }

    /**
     * {@code sip:voicemail@DOMAIN;mailbox=bob} leaves a message for bob (anyone may); without {@code mailbox} the
     * (authenticated) caller hears how many new messages wait in their own box.
     */
    private void direct(ServerTransaction tx, Request invite) {
        String mailbox = ((SipURI) invite.getRequestURI()).getParameter("mailbox");
        if (mailbox != null) {
            responses.reply(tx, invite, Response.TRYING, null);
            takeCall(tx, invite, mailbox, "direct");
            return;
        }
        String user = gatekeeper.admit(tx, invite, true).orElse(null);
        if (user != null) {
            responses.reply(tx, invite, Response.TRYING, null);
            setUp.execute(() -> answer(tx, invite, user, "direct", VoicemailCall.Kind.COUNT));
        }
    }

    // ---- answering ----

    private void answer(ServerTransaction tx, Request invite, String owner, String reason, VoicemailCall.Kind kind) {
        UasMedia.Offer offer = UasMedia.offerOf(invite);
        if (!offer.usable()) {
            responses.reply(tx, invite, offer.status(), offer.reason());
            return;
        }
        String localTag = outbound.newTag();
        int maxSeconds = (int) Math.max(1, settings.maxLength().toSeconds());
        short[] prompt = kind == VoicemailCall.Kind.DEPOSIT
                ? Prompts.concat(List.of(greetingOf(owner), Prompts.beep()))
                : Prompts.messageCount(store.counts(owner).newMessages());
        VoicemailCall call = new VoicemailCall(callId(invite), localTag, invite, owner, reason, kind,
                new PcmRecorder(kind == VoicemailCall.Kind.DEPOSIT ? maxSeconds + prompt.length / Prompts.RATE + 5 : 1));
        AudioSession session = null;
        try {
            UasMedia.Answered a = media.answer(offer.sdp(), Prompts.once(prompt), call.recorder, clock.millis());
            if (a.answer() == null) {
                responses.reply(tx, invite, Response.NOT_ACCEPTABLE_HERE, "No common codec (Opus, PCMU, PCMA)");
                return;
            }
            session = a.session();
            call.session = session;
            calls.put(call.key(), call);
            // by the clock, not by the capture thread: that one sends in a burst when it starts late
            call.limit = scheduler.schedule(() -> promptPlayed(call), prompt.length * 1000L / Prompts.RATE,
                    TimeUnit.MILLISECONDS);
            Response ok = messages.ok(invite, localTag, USER, a.answer());
            call.ok = ok;
            requests.sendOk(tx, call);
            LOG.info("voicemail answered a call for {} ({}, {} {}) from {}", owner, reason, a.codec(),
                    session.srtp() ? "SRTP" : "RTP", callerOf(invite));
        } catch (IOException | ParseException | RuntimeException e) {
            LOG.warn("voicemail could not answer a call for {}: {}", owner, e.toString());
            calls.remove(call.key());
            if (session != null) {
                session.close();
            }
            responses.reply(tx, invite, e instanceof IOException ? Response.NOT_ACCEPTABLE_HERE
                    : Response.SERVER_INTERNAL_ERROR, null);
        }
    }

    private short[] greetingOf(String owner) {
        return store.greeting(owner).map(path -> {
            try {
                return Prompts.greeting(path);
            } catch (IOException | RuntimeException e) {
                LOG.warn("greeting of {} unreadable ({}); playing the default", owner, e.getMessage());
                return Prompts.defaultGreeting();
            }
        }).orElseGet(Prompts::defaultGreeting);
    }

    /** The prompt has been played: a deposit starts recording, a message count hangs up. */
    private void promptPlayed(VoicemailCall call) {
        if (call.ended.get()) {
            return;
        }
        if (call.kind == VoicemailCall.Kind.COUNT) {
            scheduler.schedule(() -> end(call, true), 300, TimeUnit.MILLISECONDS);
            return;
        }
        call.recordFrom = call.recorder.length();
        call.limit = scheduler.schedule(() -> end(call, true), settings.maxLength().toMillis(), TimeUnit.MILLISECONDS);
    }




    /**
     * Ends a call once: stops the media, stores a deposit (durably; before this returns), tells MWI, and when
     * {@code hangUp} sends our own BYE (the maximum length was reached or the count was played).
     */
    private void end(VoicemailCall call, boolean hangUp) {
        if (!call.ended.compareAndSet(false, true)) {
            return;
        }
        call.stopMedia(media.host());
        calls.remove(call.key());
        if (call.kind == VoicemailCall.Kind.DEPOSIT && call.recordFrom >= 0) {
            deposit(call);
        } else if (call.kind == VoicemailCall.Kind.DEPOSIT) {
            LOG.info("call from {} for {} ended during the greeting: no message", callerOf(call.invite), call.owner);
        }
        if (hangUp) {
            sendBye(call);
        }
    }

    private void deposit(VoicemailCall call) {
        short[] pcm = Prompts.to16k(call.recorder.samples(call.recordFrom, call.recorder.length()));
        FromHeader from = (FromHeader) call.invite.getHeader(FromHeader.NAME);
        VoicemailStore.Message m = new VoicemailStore.Message(store.newId(), call.owner, callerOf(call.invite),
                from.getAddress().getDisplayName(), clock.instant(),
                Duration.ofMillis(pcm.length * 1000L / MessageFile.RATE), false, call.reason);
        try {
            store.deposit(m, pcm);
            LOG.info("voicemail {} for {} stored: {} ms from {}", m.id(), m.owner(), m.length().toMillis(), m.caller());
            boxChanged.accept(call.owner);
        } catch (IOException | RuntimeException e) {
            LOG.error("voicemail for {} from {} could not be stored: {}", call.owner, m.caller(), e.toString(), e);
        }
    }

    private void sendBye(VoicemailCall call) {
        try {
            outbound.send(messages.bye(call.invite, call.localTag, 1L), response -> LOG.debug("voicemail BYE for {} answered {}",
                    call.owner, response.getStatusCode()));
        } catch (ParseException | javax.sip.InvalidArgumentException | RuntimeException e) {
            LOG.warn("voicemail could not hang up the call of {}: {}", call.owner, e.toString());
        }
    }

    private static String callId(Request r) {
        return ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
    }

    private static String callerOf(Request invite) {
        return ((FromHeader) invite.getHeader(FromHeader.NAME)).getAddress().getURI().toString();
    }

    /** Ends every call (storing what was recorded) and stops the media engine. */
    @Override
    public void close() {
        setUp.shutdownNow();
        for (VoicemailCall c : List.copyOf(calls.values())) {
            end(c, true);
        }
        media.host().close();
    }
}
