package org.parley.core.client.sip;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.parley.core.client.PresenceService;
import org.parley.core.contacts.ServiceCodec;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.model.Availability;
import org.parley.core.model.DeviceKind;
import org.parley.core.model.PresenceInfo;
import org.parley.core.model.PresenceState;
import org.parley.core.presence.PidfCodec;

/**
 * Own presence (published through {@link Publisher}) and the contacts' presence (resource-list subscription
 * {@code sip:USER~contacts@D}, single watches, watcher info via {@link PresenceWatch}). API calls hop onto the
 * engine; events reach the application's executor.
 */
final class SipPresenceService implements PresenceService {
    private final Engine engine;
    private final Publisher publisher;
    private final ServiceClient service;
    private final PresenceWatch watch;
    private final String aor;
    private final String deviceId;
    private final DeviceKind device;
    private final OwnPresence own = new OwnPresence();
    private final IdleTracker idle;
    private final Map<String, Availability> customStates = new LinkedHashMap<>();
    private volatile List<String> customLabels = List.of();
    private volatile PresenceInfo published = PresenceInfo.of(PresenceState.AVAILABLE);

    SipPresenceService(Engine engine, Publisher publisher, ServiceClient service, PresenceWatch watch, String aor,
                       String deviceId, DeviceKind device, IdleTrackerFactory idleFactory) {
        this.engine = engine;
        this.publisher = publisher;
        this.service = service;
        this.watch = watch;
        this.aor = aor;
        this.deviceId = deviceId;
        this.device = device;
        this.idle = idleFactory.create(level -> {
            own.idle(level, idleStarted());
            republish();
        });
    }

    /** Builds the idle tracker with the change callback of this service. */
    interface IdleTrackerFactory {
        IdleTracker create(java.util.function.Consumer<IdleTracker.Level> onChange);
    }

    private java.time.Instant idleStarted() {
        return idle == null ? null : idle.idleSince();
    }

    /** Evaluates the idle timers (scheduled periodically on the engine). */
    void tick() {
        idle.evaluate();
    }

    /** Signed in: publish, subscribe to the contact list's presence and watcher info, fetch custom states. */
    CompletableFuture<Void> start() {
        idle.activity();
        own.idle(IdleTracker.Level.ACTIVE, null);
        CompletableFuture<Void> pub = republish();
        service.call(ServiceCodec.request("presence.customStates")).thenAccept(this::readCustomStates)
                .exceptionally(e -> null);
        watch.start();
        return pub;
    }

    private void readCustomStates(JsonNode answer) {
        customStates.clear();
        for (JsonNode s : answer.path("states")) {
            Availability a = Availability.AVAILABLE;
            String wire = s.path("availability").asText("available");
            for (Availability x : Availability.values()) {
                if (x.wireName().equalsIgnoreCase(wire)) {
                    a = x;
                }
            }
            customStates.put(s.path("label").asText(), a);
        }
        customLabels = List.copyOf(customStates.keySet());
    }

    /** Sign-out: remove the publication and end the subscriptions. */
    CompletableFuture<Void> stop() {
        return CompletableFuture.allOf(publisher.remove(), watch.stop());
    }

    private CompletableFuture<Void> republish() {
        PresenceInfo info = own.info();
        published = new PresenceInfo(info.availability(), info.state(), info.customState(), info.note(),
                info.location(), List.of(device), info.idleSince());
        return publisher.publish(PidfCodec.encodePublication(aor,
                new PidfCodec.Publication(info, own.isManual(), deviceId, device)));
    }

    private CompletableFuture<Void> change(Runnable edit) {
        return engine.call(() -> {
            edit.run();
            return republish();
        });
    }

    @Override
    public CompletableFuture<Void> setState(PresenceState state) {
        if (state == PresenceState.UNKNOWN || state == PresenceState.INACTIVE) {
            return CompletableFuture.failedFuture(new ParleyException(ErrorCode.INVALID_ARGUMENT,
                    state.label() + " is set automatically, not by hand"));
        }
        return change(() -> {
            if (state == PresenceState.IN_A_CALL || state == PresenceState.IN_A_CONFERENCE) {
                own.call(true, state == PresenceState.IN_A_CONFERENCE);
            } else {
                own.manual(state);
            }
        });
    }

    @Override
    public CompletableFuture<Void> setCustomState(String label) {
        return engine.call(() -> {
            Optional<Map.Entry<String, Availability>> found = customStates.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(label.trim())).findFirst();
            if (found.isEmpty()) {
                return CompletableFuture.failedFuture(new ParleyException(ErrorCode.NOT_FOUND, "no custom state '" + label
                        + "' on this server" + (customStates.isEmpty() ? "" : ": use one of " + customStates.keySet())));
            }
            own.custom(found.get().getKey(), found.get().getValue());
            return republish();
        });
    }

    @Override
    public List<String> customStates() {
        return customLabels;
    }

    @Override
    public CompletableFuture<Void> setNote(String note) {
        return change(() -> own.note(note));
    }

    @Override
    public CompletableFuture<Void> setLocation(String location) {
        return change(() -> own.location(location));
    }

    @Override
    public void userActivity() {
        engine.execute(idle::activity);
    }

    @Override
    public void setInCall(boolean inCall, boolean conference) {
        change(() -> own.call(inCall, conference));
    }

    @Override
    public PresenceInfo own() {
        return published;
    }

    @Override
    public Optional<PresenceInfo> of(String uri) {
        return watch.known(uri);
    }

    @Override
    public CompletableFuture<Void> watch(String uri) {
        return engine.call(() -> watch.watch(uri));
    }

    @Override
    public void addListener(PresenceListener listener) {
        watch.addListener(listener);
    }

    @Override
    public CompletableFuture<List<Watcher>> watchers() {
        return engine.call(watch::watchers);
    }
}
