package org.parley.attendant.queue;

import java.time.Duration;
import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import org.parley.core.client.ConferencingService.Conference;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.State;

/** One call of the conversation queue as the console shows it; changed only by {@link QueueViewModel}. */
public final class QueueItem {
    private final String id;
    private final ObjectProperty<Call> call = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty();
    private final StringBinding waiting;
    private final BooleanProperty longHold = new SimpleBooleanProperty();
    private final BooleanProperty flash = new SimpleBooleanProperty();
    private final BooleanProperty repeatCaller = new SimpleBooleanProperty();
    private final ObjectProperty<Conference> conference = new SimpleObjectProperty<>();
    private final StringProperty pending = new SimpleStringProperty();
    private Instant pendingSince;
    private Instant stateSince;
    private final long arrival;

    /** @param clock the queue's one ticking property: the timer is computed from it when read */
    QueueItem(Call first, Instant now, long arrival, ObservableValue<Instant> clock) {
        this.id = first.id();
        this.arrival = arrival;
        this.stateSince = first.started() == null ? now : first.started();
        call.set(first);
        waiting = Bindings.createStringBinding(() -> since(stateSince, clock.getValue()), clock, call);
    }

    static String since(Instant from, Instant to) {
        long s = to == null ? 0 : Math.max(0, Duration.between(from, to).getSeconds());
        return s / 60 + ":" + (s % 60 < 10 ? "0" : "") + s % 60;
    }

    public String id() {
        return id;
    }

    public Call call() {
        return call.get();
    }

    public State state() {
        return call.get().state();
    }

    public ReadOnlyObjectProperty<Call> callProperty() {
        return call;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name;
    }

    public String name() {
        return name.get();
    }

    /** How long the call has been in its present state (waiting, talking, on hold), m:ss. */
    public ObservableStringValue waitingProperty() {
        return waiting;
    }

    /** On hold for longer than the limit. */
    public ReadOnlyBooleanProperty longHoldProperty() {
        return longHold;
    }

    /** Toggles every second while {@link #longHoldProperty()} holds: the view flashes with it. */
    public ReadOnlyBooleanProperty flashProperty() {
        return flash;
    }

    /** The caller was seen in the call log within the last hour. */
    public ReadOnlyBooleanProperty repeatCallerProperty() {
        return repeatCaller;
    }

    /** The conference this call is the attendant's voice leg of (with its roster), or null for an ordinary call. */
    public ReadOnlyObjectProperty<Conference> conferenceProperty() {
        return conference;
    }

    public Conference conference() {
        return conference.get();
    }

    /**
     * What the attendant asked of this call that the other side has not confirmed yet ("Answering…", "Holding…",
     * "Resuming…"), or null: shown at once, so every action is acknowledged on screen however slow the peer is.
     * Cleared when the call's state changes or the action fails.
     */
    public ReadOnlyStringProperty pendingProperty() {
        return pending;
    }

    public String pending() {
        return pending.get();
    }

    /** The manager a delegated call is for, or null. */
    public String onBehalfOf() {
        return call.get().onBehalfOf();
    }

    Instant stateSince() {
        return stateSince;
    }

    long arrival() {
        return arrival;
    }

    void update(Call next, Instant now) {
        if (next.state() != call.get().state()) {
            setPending(null, null);
            stateSince = next.state() == State.CONNECTED && call.get().state() == State.INCOMING
                    && next.connected() != null ? next.connected() : now;
        }
        call.set(next);
    }

    void setPending(String what, Instant now) {
        pending.set(what);
        pendingSince = what == null ? null : now;
    }

    /** When the pending action was asked for (null when none is). */
    Instant pendingSince() {
        return pendingSince;
    }

    void setName(String value) {
        name.set(value);
    }

    void setLongHold(boolean value) {
        longHold.set(value);
    }

    void setFlash(boolean value) {
        flash.set(value);
    }

    void setConference(Conference value) {
        conference.set(value);
    }

    void setRepeatCaller(boolean value) {
        repeatCaller.set(value);
    }
}
