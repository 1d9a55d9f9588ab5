package org.parley.core.client.sip;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.sip.message.Request;
import org.parley.core.client.CallOptions;
import org.parley.core.client.ConferencingService;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ConferencingService} over SIP (docs/decisions/0024-conference-focus.md): the voice leg is a call to
 * {@code sip:conf-<random>@domain} (with {@code P-Served-User} when a delegate starts it for a manager, like
 * {@link SipDelegationService#callOnBehalfOf}); participants are brought in by {@link Participants}; the roster is
 * a subscription to the room's {@code conference} event. Room state lives on the engine thread.
 */
final class SipConferencingService implements ConferencingService {
    private static final Logger LOG = LoggerFactory.getLogger(SipConferencingService.class);
    static final String EVENT = "conference";
    static final CallOptions LEG = new CallOptions("Conference", false);
    private static final char[] ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final Engine engine;
    private final SipTelephonyService telephony;
    private final SubscriptionFactory subscriptions;
    private final Listeners<Consumer<Conference>> listeners;
    private final Participants participants;
    private final String aor;
    private final String domain;
    private final Random random;
    /** Rooms by id, oldest first (engine thread). */
    private final Map<String, ConferenceRoom> rooms = new LinkedHashMap<>();
    private volatile List<Conference> snapshot = List.of();

    SipConferencingService(Engine engine, SipTelephonyService telephony, SubscriptionFactory subscriptions,
                           Listeners<Consumer<Conference>> listeners, String aor, String domain) {
        this(engine, telephony, subscriptions, listeners, aor, domain, new SecureRandom());
    }

    SipConferencingService(Engine engine, SipTelephonyService telephony, SubscriptionFactory subscriptions,
                           Listeners<Consumer<Conference>> listeners, String aor, String domain, Random random) {
        this.engine = engine;
        this.telephony = telephony;
        this.subscriptions = subscriptions;
        this.listeners = listeners;
        this.aor = aor;
        this.domain = domain;
        this.random = random;
        this.participants = new Participants(telephony, new CallWaiter(telephony));
        telephony.addEndedListener(call -> legEnded(call.id()));
    }

    /** A fresh room id: 12 characters of [a-z0-9] (the contract allows 4 to 40). */
    String newId() {
        char[] id = new char[12];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        }
        return new String(id);
    }

    @Override
    public CompletableFuture<Conference> start(List<String> people, String onBehalfOf) {
        if (people == null || people.stream().anyMatch(p -> p == null || p.isBlank())) {
            return CompletableFuture.failedFuture(new ParleyException(ErrorCode.INVALID_ARGUMENT,
                    "conference participants are call ids, users or numbers, not blank"));
        }
        String id = newId();
        String uri = "sip:conf-" + id + "@" + domain;
        String manager = onBehalfOf == null || onBehalfOf.isBlank() ? null : Uris.normalize(onBehalfOf, domain);
        Call leg = telephony.call(uri, LEG, c -> {
            if (manager != null) {
                c.onBehalfOf = manager;
                c.headers.put("P-Served-User", "<" + manager + ">;sescase=orig");
            }
        });
        ConferenceRoom room = new ConferenceRoom(id, uri, leg.id(), manager != null ? manager : aor, manager);
        return enter(room).thenCompose(v -> participants.addAll(uri, leg.id(), List.copyOf(people)))
                .thenCompose(v -> engine.call(() -> CompletableFuture.completedFuture(room.snapshot())));
    }

    @Override
    public CompletableFuture<Void> add(String conferenceId, String participant) {
        if (participant == null || participant.isBlank()) {
            return CompletableFuture.failedFuture(new ParleyException(ErrorCode.INVALID_ARGUMENT, "add whom?"));
        }
        return engine.call(() -> {
            ConferenceRoom room = rooms.get(conferenceId);
            if (room == null) {
                return CompletableFuture.failedFuture(new ParleyException(ErrorCode.NOT_FOUND,
                        "no conference " + conferenceId));
            }
            return CompletableFuture.completedFuture(room);
        }).thenCompose(room -> participants.addAll(room.uri, room.callId, List.of(participant)));
    }

    @Override
    public CompletableFuture<Conference> join(String conferenceUri) {
        String uri = conferenceUri == null ? null : Uris.normalize(conferenceUri, domain);
        String id = uri == null ? null : ConferenceRoom.idOf(uri);
        if (id == null) {
            return CompletableFuture.failedFuture(new ParleyException(ErrorCode.INVALID_ARGUMENT,
                    "not a conference address: " + conferenceUri + " (sip:conf-<id>@domain)"));
        }
        Call leg = telephony.call(uri, LEG);
        ConferenceRoom room = new ConferenceRoom(id, uri, leg.id(), null, null);
        return enter(room).thenCompose(v -> engine.call(() -> CompletableFuture.completedFuture(room.snapshot())));
    }

    @Override
    public CompletableFuture<Void> leave(String conferenceId) {
        return engine.call(() -> {
            ConferenceRoom room = rooms.get(conferenceId);
            if (room == null) {
                return CompletableFuture.failedFuture(new ParleyException(ErrorCode.NOT_FOUND,
                        "no conference " + conferenceId));
            }
            return CompletableFuture.completedFuture(room.callId);
        }).thenCompose(callId -> telephony.hangup(callId).exceptionally(e -> {
            // the leg is gone already: forget the room all the same
            engine.execute(() -> legEnded(callId));
            return null;
        }));
    }

    @Override
    public List<Conference> conferences() {
        return snapshot;
    }

    @Override
    public void addListener(Consumer<Conference> listener) {
        listeners.add(listener);
    }

    /** Registers the room, waits for its voice leg to connect, then subscribes to its roster. */
    private CompletableFuture<Void> enter(ConferenceRoom room) {
        engine.execute(() -> {
            rooms.put(room.id, room);
            changed(room);
        });
        return participants.waiter().connected(room.callId)
                .thenCompose(c -> engine.call(() -> {
                    subscribe(room);
                    return CompletableFuture.completedFuture(null);
                }));
    }

    /** Engine thread: the roster subscription (a refusal only leaves the roster empty). */
    private void subscribe(ConferenceRoom room) {
        if (!rooms.containsKey(room.id) || room.subscription != null) {
            return;
        }
        SipSubscription s = subscriptions.create(room.uri, EVENT, Map.of("Accept", ConferenceInfo.CONTENT_TYPE),
                notify -> onRoster(room, notify));
        room.subscription = s;
        s.start().whenComplete((v, e) -> {
            if (e != null) {
                LOG.info("no roster for conference {}: {}", room.id, Engine.unwrap(e).getMessage());
                engine.execute(() -> {
                    if (room.subscription == s) {
                        room.subscription = null;
                        subscriptions.discard(s);
                    }
                });
            }
        });
    }

    private void onRoster(ConferenceRoom room, Request notify) {
        ConferenceInfo info = ConferenceInfo.parse(notify.getRawContent());
        if (room.apply(info) && rooms.containsKey(room.id)) {
            changed(room);
        }
    }

    /** Engine thread: a call ended; if it was a conference's voice leg, the conference is over for this client. */
    private void legEnded(String callId) {
        for (ConferenceRoom room : new ArrayList<>(rooms.values())) {
            if (room.callId.equals(callId)) {
                rooms.remove(room.id);
                SipSubscription s = room.subscription;
                room.subscription = null;
                if (s != null) {
                    subscriptions.discard(s);
                    s.stop();
                }
                changed(room);
            }
        }
    }

    /** Engine thread: republishes the list and tells the listeners. */
    private void changed(ConferenceRoom room) {
        List<Conference> out = new ArrayList<>();
        rooms.values().forEach(r -> out.add(r.snapshot()));
        snapshot = List.copyOf(out);
        Conference c = room.snapshot();
        listeners.fire(l -> l.accept(c));
    }

    /** Ends the roster subscriptions (the voice legs end with the telephony service). */
    CompletableFuture<Void> stop() {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (ConferenceRoom room : rooms.values()) {
            if (room.subscription != null) {
                stops.add(room.subscription.stop());
            }
        }
        return CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new));
    }
}
