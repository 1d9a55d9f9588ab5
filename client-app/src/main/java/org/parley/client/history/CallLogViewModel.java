package org.parley.client.history;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.core.client.HistoryService;
import org.parley.core.client.HistoryService.CallRecord;
import org.parley.core.client.HistoryService.CallRecord.Outcome;
import org.parley.core.client.TelephonyService.Direction;

/**
 * State of the history browser's call log ("Calls" kind): the calls that ended on this client, newest first,
 * filtered by participant (address or name fragment) and date range like the messages, with "Call back". Reads the
 * local store synchronously. Call on the JavaFX application thread.
 */
public final class CallLogViewModel {
    /** Most calls listed. */
    static final int CALLS = 1000;

    /** One line of the log. {@code duration} is the talk time (null when the call was never connected). */
    public record CallItem(String callId, String peer, String name, Direction direction, Outcome outcome,
                           Instant started, Duration duration, String detail) {
        /** What happened, in words: Incoming, Outgoing, Missed, Declined, Forwarded, Not answered, Failed. */
        public String what() {
            return switch (outcome) {
                case ANSWERED -> direction == Direction.INCOMING ? "Incoming" : "Outgoing";
                case MISSED -> "Missed";
                case DECLINED -> "Declined";
                case UNANSWERED -> "Not answered";
                case FORWARDED -> "Forwarded";
                case FAILED -> "Failed";
            };
        }

        /** Talk time as h:mm:ss or m:ss, "" when there was none. */
        public String durationText() {
            if (duration == null) {
                return "";
            }
            long s = Math.max(0, duration.toSeconds());
            return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                    : String.format("%d:%02d", s / 60, s % 60);
        }
    }

    private final HistoryService history;
    private final Function<String, String> names;
    private final Consumer<String> callBack;
    private final ZoneId zone;
    private final StringProperty participant = new SimpleStringProperty(this, "participant", "");
    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>(this, "fromDate");
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>(this, "toDate");
    private final ObservableList<CallItem> calls = FXCollections.observableArrayList();
    private final ObjectProperty<CallItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    /**
     * @param names    display name for an address (the contact list's), or null
     * @param callBack places a call to an address
     */
    public CallLogViewModel(HistoryService history, Function<String, String> names, Consumer<String> callBack,
                            ZoneId zone) {
        this.history = Objects.requireNonNull(history, "history");
        this.names = Objects.requireNonNull(names, "names");
        this.callBack = Objects.requireNonNull(callBack, "callBack");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Reads the log again with the current filters. */
    public void refresh() {
        String keep = selected.get() == null ? null : selected.get().callId();
        List<CallItem> found = new ArrayList<>();
        try {
            List<CallRecord> records = history.calls(CALLS);
            for (CallRecord r : records == null ? List.<CallRecord>of() : records) {
                CallItem item = item(r);
                if (matches(item)) {
                    found.add(item);
                }
            }
            error.set(null);
        } catch (RuntimeException e) {
            error.set("Cannot read the call log: " + e.getMessage());
        }
        calls.setAll(found);
        selected.set(found.stream().filter(c -> c.callId().equals(keep)).findFirst().orElse(null));
        long missed = found.stream().filter(c -> c.outcome() == Outcome.MISSED).count();
        boolean filtering = !participant.get().isBlank() || fromDate.get() != null || toDate.get() != null;
        status.set(found.isEmpty() ? (filtering ? "No calls match the search" : "No calls yet")
                : found.size() + (found.size() == 1 ? " call" : " calls") + (missed > 0 ? " · " + missed + " missed" : ""));
    }

    /** Calls the other party of a logged call. */
    public void callBack(CallItem item) {
        if (item == null || item.peer() == null || item.peer().isBlank()) {
            return;
        }
        try {
            callBack.accept(item.peer());
            error.set(null);
        } catch (RuntimeException e) {
            error.set("Cannot call " + item.name() + ": " + e.getMessage());
        }
    }

    private CallItem item(CallRecord r) {
        Duration talk = r.connected() == null || r.ended() == null ? null : Duration.between(r.connected(), r.ended());
        String name = r.peerName() != null && !r.peerName().isBlank() ? r.peerName() : nameOf(r.peer());
        String listed = names.apply(r.peer() == null ? "" : r.peer());
        if (listed != null && !listed.isBlank()) {
            name = listed; // the contact list's name wins over what the call carried
        }
        return new CallItem(r.callId(), r.peer(), name, r.direction(), r.outcome(), r.started(), talk, r.detail());
    }

    private boolean matches(CallItem c) {
        String who = participant.get() == null ? "" : participant.get().strip().toLowerCase(Locale.ROOT);
        if (!who.isEmpty() && !(c.peer() != null && c.peer().toLowerCase(Locale.ROOT).contains(who))
                && !c.name().toLowerCase(Locale.ROOT).contains(who)) {
            return false;
        }
        if (c.started() == null) {
            return fromDate.get() == null && toDate.get() == null;
        }
        LocalDate day = c.started().atZone(zone).toLocalDate();
        return (fromDate.get() == null || !day.isBefore(fromDate.get()))
                && (toDate.get() == null || !day.isAfter(toDate.get()));
    }

    private String nameOf(String uri) {
        return uri == null ? "Unknown" : uri.replaceFirst("^(sips?|tel):", "");
    }

    public StringProperty participantProperty() {
        return participant;
    }

    public ObjectProperty<LocalDate> fromDateProperty() {
        return fromDate;
    }

    public ObjectProperty<LocalDate> toDateProperty() {
        return toDate;
    }

    public ObservableList<CallItem> calls() {
        return calls;
    }

    public ObjectProperty<CallItem> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
