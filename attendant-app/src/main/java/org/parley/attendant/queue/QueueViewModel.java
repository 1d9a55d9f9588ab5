package org.parley.attendant.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.core.client.CallOptions;
import org.parley.core.client.CallTarget;
import org.parley.core.client.ConferencingService.Conference;
import org.parley.core.client.TelephonyService;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.State;

/**
 * The conversation queue: every call of the attendant that has not ended, ordered active first, then ringing calls
 * (longest waiting first), then held calls (longest held first), then outgoing calls being set up. Exactly one call is
 * active: {@link #activate} answers or resumes a call and core holds the one that was active. Calls held longer than
 * {@link #holdLimitProperty()} raise a long-hold alert (flash, and a sound when {@link #soundsProperty()} is on);
 * {@link #tick()} (once a second from the view, or from a test with its own clock) drives timers and alerts: it sets
 * one clock property that every item's timer is computed from (lazily, when shown), and checks only held calls for
 * the alert. A call's new state re-sorts the queue only when it is out of order.
 */
public final class QueueViewModel {
    /** A pending mark not resolved after this long is dropped (the call shows its real state again). */
    private static final Duration PENDING_LIMIT = Duration.ofSeconds(15);
    private static final Comparator<QueueItem> ORDER = Comparator.<QueueItem>comparingInt(i -> rank(i.state()))
            .thenComparing(QueueItem::stateSince).thenComparingLong(QueueItem::arrival);

    private final TelephonyService phone;
    private final Clock clock;
    private final Function<Call, String> names;
    private final Predicate<String> repeatCallers;
    private final Runnable sound;
    private final String voicemailDomain;
    private final String ownUser;
    private final ObservableList<QueueItem> items = FXCollections.observableArrayList();
    private final Map<String, QueueItem> byId = new HashMap<>();
    /** consult call id -> the call it consults about. */
    private final Map<String, String> consults = new HashMap<>();
    /** Conferences by the id of their voice leg (a call of the queue). */
    private final Map<String, Conference> conferences = new HashMap<>();
    /** The call that is active now and the one that was active before it (for "conference these two"). */
    private String activeId;
    private String previousId;
    private final ObjectProperty<Duration> holdLimit = new SimpleObjectProperty<>(Duration.ofSeconds(60));
    private final BooleanProperty sounds = new SimpleBooleanProperty(true);
    private final StringProperty status = new SimpleStringProperty("");
    /** The one ticking property: the time of the last {@link #tick()}. */
    private final ObjectProperty<Instant> now;
    private long arrivals;

    /**
     * @param names         the name to show for a call's peer (contacts, directory, else the SIP display name)
     * @param repeatCallers whether a peer called within the last hour (a call the reception line marks as a repeat
     *                      caller, Referred-By {@code ;repeat=N} with N > 1, is one too)
     * @param sound         plays the long-hold alert sound
     * @param ownUser       this attendant's user name (whose mailbox a connected call is sent to if not delegated)
     */
    public QueueViewModel(TelephonyService phone, Clock clock, Function<Call, String> names,
                          Predicate<String> repeatCallers, Runnable sound, String ownUser, String domain) {
        this.phone = phone;
        this.clock = clock;
        this.names = names;
        this.repeatCallers = repeatCallers;
        this.sound = sound;
        this.ownUser = ownUser;
        this.voicemailDomain = domain;
        this.now = new SimpleObjectProperty<>(clock.instant());
        phone.calls().forEach(this::onCall);
        phone.addCallListener(this::onCall);
    }

    private static int rank(State s) {
        return switch (s) {
            case CONNECTED, REMOTE_HELD -> 0;
            case INCOMING -> 1;
            case HELD -> 2;
            default -> 3;
        };
    }

    public ObservableList<QueueItem> items() {
        return items;
    }

    public ObjectProperty<Duration> holdLimitProperty() {
        return holdLimit;
    }

    public BooleanProperty soundsProperty() {
        return sounds;
    }

    /** The outcome of the last action ("Transferred to dave", "Transfer failed: ..."). */
    public StringProperty statusProperty() {
        return status;
    }

    public Optional<QueueItem> item(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The call being talked to (connected, or held by its peer only). */
    public Optional<QueueItem> active() {
        return items.stream().filter(i -> rank(i.state()) == 0).findFirst();
    }

    /** A snapshot from core: new calls join the queue, ended ones leave it. */
    public void onCall(Call call) {
        Instant now = clock.instant();
        QueueItem item = byId.get(call.id());
        if (call.state() == State.ENDED) {
            if (item != null) {
                byId.remove(call.id());
                items.remove(item);
            }
            consults.remove(call.id());
            consults.values().removeIf(call.id()::equals);
            conferences.remove(call.id());
            if (call.id().equals(activeId)) {
                activeId = null;
            }
            if (call.id().equals(previousId)) {
                previousId = null;
            }
            return;
        }
        if (call.state() == State.CONNECTED && !call.id().equals(activeId)) {
            previousId = activeId;
            activeId = call.id();
        }
        if (item == null) {
            item = new QueueItem(call, now, arrivals++, this.now);
            item.setRepeatCaller(call.direction() == Direction.INCOMING
                    && (call.referredRepeat() > 1 || repeatCallers.test(call.peer())));
            item.setConference(conferences.get(call.id()));
            byId.put(call.id(), item);
            items.add(item);
        } else {
            item.update(call, now);
        }
        item.setName(nameOf(item));
        refresh(item, now);
        if (!inOrder()) {
            items.sort(ORDER); // a permutation: the queue's cells are all redone, so only when needed
        }
    }

    private boolean inOrder() {
        for (int i = 1; i < items.size(); i++) {
            if (ORDER.compare(items.get(i - 1), items.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    /** Re-reads the names (the contact list or a directory answer arrived). */
    public void refreshNames() {
        items.forEach(i -> i.setName(nameOf(i)));
    }

    /**
     * A conference changed: the queue item of its voice leg shows it (name and roster). One that ended leaves with
     * its voice leg.
     */
    public void onConference(Conference c) {
        conferences.put(c.callId(), c);
        QueueItem item = byId.get(c.callId());
        if (item != null) {
            item.setConference(c);
            item.setName(nameOf(item));
        }
    }

    /** The call to conference {@code id} with: the active one, or, if {@code id} is active, the one active before. */
    public Optional<QueueItem> partnerOf(String id) {
        String other = id.equals(activeId) ? previousId : activeId;
        return Optional.ofNullable(other == null ? null : byId.get(other));
    }

    private String nameOf(QueueItem i) {
        Conference c = i.conference();
        if (c == null) {
            return names.apply(i.call());
        }
        long in = c.roster().stream().filter(m -> m.status() != org.parley.core.client.ConferencingService.Status.DISCONNECTED)
                .count();
        return "Conference" + (in == 0 ? "" : " · " + in + (in == 1 ? " person" : " people"));
    }

    /** Advances the waiting timers and raises or clears the long-hold alerts. */
    public void tick() {
        Instant at = clock.instant();
        now.set(at);
        items.forEach(i -> refresh(i, at));
    }

    private void refresh(QueueItem i, Instant now) {
        if (i.pendingSince() != null && Duration.between(i.pendingSince(), now).compareTo(PENDING_LIMIT) > 0) {
            i.setPending(null, null); // never confirmed nor refused (e.g. core's own hold of the other call failed)
        }
        Duration in = Duration.between(i.stateSince(), now);
        long s = Math.max(0, in.getSeconds());
        boolean alert = i.state() == State.HELD && in.compareTo(holdLimit.get()) >= 0;
        if (alert && !i.longHoldProperty().get() && sounds.get()) {
            sound.run();
        }
        i.setLongHold(alert);
        i.setFlash(alert && s % 2 == 0);
    }

    /** Makes {@code id} the active call: answers it if it rings, resumes it if held (core holds the other one). */
    public CompletableFuture<Void> activate(String id) {
        QueueItem i = byId.get(id);
        if (i == null) {
            return CompletableFuture.completedFuture(null);
        }
        return switch (i.state()) {
            case INCOMING -> pending(i, "Answering…", true, () -> phone.answer(id), "Answer");
            case HELD -> pending(i, "Resuming…", true, () -> phone.resume(id), "Resume");
            default -> CompletableFuture.completedFuture(null);
        };
    }

    /**
     * Marks {@code i} (and, when {@code holdsActive}, the active call core is about to hold) as pending until the
     * peer confirms, then runs the action; a failure clears the marks and says why.
     */
    private CompletableFuture<Void> pending(QueueItem i, String what, boolean holdsActive,
                                            java.util.function.Supplier<CompletableFuture<Void>> action, String name) {
        Instant at = clock.instant();
        List<QueueItem> marked = new ArrayList<>(2);
        if (holdsActive) {
            active().filter(a -> a != i && a.state() == State.CONNECTED).ifPresent(marked::add);
            marked.forEach(a -> a.setPending("Holding…", at));
        }
        i.setPending(what, at);
        marked.add(i);
        return report(action.get(), name).whenComplete((ok, error) -> {
            if (error != null) {
                marked.forEach(x -> x.setPending(null, null));
            }
        });
    }

    /** Answers the call that has been ringing longest, if any. */
    public CompletableFuture<Void> answerNext() {
        return items.stream().filter(i -> i.state() == State.INCOMING).findFirst()
                .map(i -> activate(i.id())).orElseGet(() -> CompletableFuture.completedFuture(null));
    }

    public CompletableFuture<Void> hold(String id) {
        QueueItem i = byId.get(id);
        if (i == null || i.state() != State.CONNECTED) {
            return CompletableFuture.completedFuture(null);
        }
        return pending(i, "Holding…", false, () -> phone.hold(id), "Hold");
    }

    public CompletableFuture<Void> hangup(String id) {
        return report(phone.hangup(id), "Hang up");
    }

    /** Blind transfer of a connected or held call to a user, an address or a number. */
    public CompletableFuture<Void> transfer(String id, String target) {
        if (target == null || target.isBlank()) {
            status.set("Transfer to whom? Pick a contact or type a number");
            return CompletableFuture.completedFuture(null);
        }
        status.set("Transferring to " + target.strip() + "…");
        return report(phone.transfer(id, target.strip()), "Transfer")
                .thenRun(() -> status.set("Transferred to " + target.strip()));
    }

    /** Calls {@code target} first (core holds the active call); {@link #complete} then joins the two. */
    public Optional<Call> consult(String id, String target) {
        if (target == null || target.isBlank() || !byId.containsKey(id)) {
            status.set("Consult whom? Pick a call, then a contact or a number");
            return Optional.empty();
        }
        Call placed = phone.call(target.strip(), new CallOptions("Consultation", false));
        consults.put(placed.id(), id);
        onCall(placed);
        status.set("Consulting " + target.strip() + ": Complete (X) to transfer");
        return Optional.of(placed);
    }

    /** Whether a consultation is under way (Complete is possible). */
    public boolean consulting() {
        return !consults.isEmpty();
    }

    /** Completes the consultation: the held caller is connected with the consulted party (REFER with Replaces). */
    public CompletableFuture<Void> complete() {
        Optional<Map.Entry<String, String>> pair = consults.entrySet().stream().findFirst();
        if (pair.isEmpty()) {
            status.set("No consultation to complete");
            return CompletableFuture.completedFuture(null);
        }
        return report(phone.transferToCall(pair.get().getValue(), pair.get().getKey()), "Complete transfer")
                .thenRun(() -> status.set("Transfer completed"));
    }

    /**
     * Sends a call to voicemail: a ringing one is redirected to the called user's mailbox; a connected or held one is
     * transferred to the mailbox of the manager it is for, else of this attendant.
     */
    public CompletableFuture<Void> toVoicemail(String id) {
        QueueItem i = byId.get(id);
        if (i == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (i.state() == State.INCOMING) {
            return report(phone.redirect(id, CallTarget.voicemail()), "To voicemail");
        }
        return report(phone.transfer(id, voicemailUri(i.onBehalfOf())), "To voicemail");
    }

    /** {@code sip:voicemail@domain;mailbox=user} for the manager a call is for (an AOR), else this attendant. */
    public String voicemailUri(String onBehalfOf) {
        String user = ownUser;
        if (onBehalfOf != null && !onBehalfOf.isBlank()) {
            String aor = onBehalfOf.replaceFirst("^sips?:", "");
            user = aor.contains("@") ? aor.substring(0, aor.indexOf('@')) : aor;
        }
        return "sip:voicemail@" + voicemailDomain + ";mailbox=" + user;
    }

    private CompletableFuture<Void> report(CompletableFuture<Void> action, String what) {
        return action.whenComplete((ok, error) -> {
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                status.set(what + " failed: " + cause.getMessage());
            }
        });
    }
}
