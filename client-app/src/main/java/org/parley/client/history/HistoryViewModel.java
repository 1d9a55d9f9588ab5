package org.parley.client.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.core.client.HistoryQuery;
import org.parley.core.client.HistoryService;
import org.parley.core.error.ParleyException;
import org.parley.core.im.SafeHtml;
import org.parley.core.model.InstantMessage;

/**
 * State of the history browser: the conversations on the left (all of them, or those with a message matching the
 * search), the chosen conversation's messages on the right. Criteria combine: participant (address or display-name
 * fragment), date range (inclusive days in the local time zone), text, and kind (instant messages; the "Calls" kind
 * shows the call log instead, {@link CallLogViewModel}). Queries the local store synchronously: it is on this machine, small and indexed.
 * Call on the JavaFX application thread.
 */
public final class HistoryViewModel {
    /** Most conversations listed, and most messages a search or a conversation shows. */
    static final int CONVERSATIONS = 500;
    static final int MESSAGES = 2000;

    /** What a history entry is. */
    public enum Kind {
        IM("Message"), CALL("Call");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The kind filter's choices. */
    public enum KindFilter {
        ALL("All kinds"), IM("Instant messages"), CALLS("Calls");

        private final String label;

        KindFilter(String label) {
            this.label = label;
        }

        boolean accepts(Kind kind) {
            return this == ALL ? kind == Kind.IM : this == CALLS ? kind == Kind.CALL : name().equals(kind.name());
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One line on the left: a conversation (with a peer or a multiparty session). */
    public record ConversationItem(String peer, String name, Instant lastAt, String lastText, int count, Kind kind) {
    }

    /** One line on the right. */
    public record MessageItem(String id, Kind kind, Instant at, String from, String fromName, boolean outgoing,
                              String text, InstantMessage.Delivery delivery) {
    }

    private final HistoryService history;
    private final String ownAor;
    private final Function<String, String> names;
    private final ZoneId zone;

    private final StringProperty participant = new SimpleStringProperty(this, "participant", "");
    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>(this, "fromDate");
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>(this, "toDate");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<KindFilter> kind = new SimpleObjectProperty<>(this, "kind", KindFilter.ALL);
    private final ObjectProperty<ConversationItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<ConversationItem> conversations = FXCollections.observableArrayList();
    private final ObservableList<MessageItem> messages = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    /**
     * @param history the signed-in account's local history
     * @param ownAor  the signed-in user's address (to tell sent from received)
     * @param names   display name for an address (the contact list's, else the address itself)
     */
    public HistoryViewModel(HistoryService history, String ownAor, Function<String, String> names, ZoneId zone) {
        this.history = Objects.requireNonNull(history, "history");
        this.ownAor = Objects.requireNonNull(ownAor, "ownAor");
        this.names = Objects.requireNonNull(names, "names");
        this.zone = Objects.requireNonNull(zone, "zone");
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {participant, fromDate, toDate, text, kind}) {
            o.addListener(x -> refresh());
        }
        selected.addListener((obs, old, now) -> loadMessages());
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

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<KindFilter> kindProperty() {
        return kind;
    }

    /** The conversation whose messages are shown (null: none chosen). */
    public ObjectProperty<ConversationItem> selectedProperty() {
        return selected;
    }

    public ObservableList<ConversationItem> conversations() {
        return conversations;
    }

    public ObservableList<MessageItem> messages() {
        return messages;
    }

    /** A line saying what is shown, e.g. "3 conversations · 12 matching messages". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the history could not be read, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void clearFilters() {
        participant.set("");
        fromDate.set(null);
        toDate.set(null);
        text.set("");
        kind.set(KindFilter.ALL);
    }

    /** True when any search criterion is set. */
    public boolean filtering() {
        return !blank(participant.get()) || fromDate.get() != null || toDate.get() != null || !blank(text.get())
                || kind.get() != KindFilter.ALL;
    }

    /** Reads the conversations again (and the chosen one's messages), keeping the choice when it still matches. */
    public void refresh() {
        String keep = selected.get() == null ? null : selected.get().peer();
        List<ConversationItem> found;
        try {
            found = filtering() ? matchingConversations() : allConversations();
            error.set(null);
        } catch (ParleyException e) {
            found = List.of();
            error.set("Cannot read the history: " + e.getMessage());
        }
        conversations.setAll(found);
        ConversationItem again = keep == null ? null
                : found.stream().filter(c -> c.peer().equals(keep)).findFirst().orElse(null);
        if (Objects.equals(again, selected.get())) {
            loadMessages();
        } else {
            selected.set(again);
        }
        updateStatus();
    }

    /** Chooses the conversation with this participant (address), if it is listed. */
    public void select(String peer) {
        if (peer == null) {
            selected.set(null);
            return;
        }
        String key = peer.toLowerCase(Locale.ROOT);
        conversations.stream().filter(c -> c.peer().equalsIgnoreCase(key)).findFirst().ifPresent(selected::set);
    }

    private List<ConversationItem> allConversations() {
        if (!kind.get().accepts(Kind.IM)) {
            return List.of();
        }
        List<ConversationItem> items = new ArrayList<>();
        for (HistoryService.ConversationSummary s : history.conversations(CONVERSATIONS)) {
            items.add(new ConversationItem(s.peer(), nameOf(s.peer()), s.lastAt(), oneLine(s.lastText()), s.count(),
                    Kind.IM));
        }
        return items;
    }

    /** Conversations with at least one matching message; count and last text are those of the matches. */
    private List<ConversationItem> matchingConversations() {
        Map<String, List<InstantMessage>> byPeer = new LinkedHashMap<>();
        for (InstantMessage m : matching(null)) { // newest first
            byPeer.computeIfAbsent(peerOf(m), p -> new ArrayList<>()).add(m);
        }
        List<ConversationItem> items = new ArrayList<>();
        byPeer.forEach((peer, list) -> items.add(new ConversationItem(peer, nameOf(peer), list.get(0).sentAt(),
                oneLine(plainText(list.get(0))), list.size(), Kind.IM)));
        items.sort(Comparator.comparing(ConversationItem::lastAt).reversed());
        return items;
    }

    /** Messages matching the criteria (and, when not null, of one conversation), newest first. */
    private List<InstantMessage> matching(String peer) {
        if (!kind.get().accepts(Kind.IM)) {
            return List.of();
        }
        String who = blank(participant.get()) ? null : participant.get().strip().toLowerCase(Locale.ROOT);
        boolean byName = who != null && peer == null;
        HistoryQuery q = new HistoryQuery(peer != null ? peer : byName ? null : who, start(fromDate.get()),
                end(toDate.get()), blank(text.get()) ? null : text.get().strip(), MESSAGES);
        List<InstantMessage> found = history.find(q);
        if (!byName) {
            return found;
        }
        // the participant may be part of an address or of a display name: the store only knows the addresses
        List<InstantMessage> kept = new ArrayList<>();
        for (InstantMessage m : found) {
            if (matchesParticipant(m, who)) {
                kept.add(m);
            }
        }
        return kept;
    }

    private boolean matchesParticipant(InstantMessage m, String who) {
        for (String uri : new String[] {peerOf(m), m.from(), m.to()}) {
            if (uri != null && !uri.equalsIgnoreCase(ownAor) && (uri.toLowerCase(Locale.ROOT).contains(who)
                    || nameOf(uri).toLowerCase(Locale.ROOT).contains(who))) {
                return true;
            }
        }
        return false;
    }

    private void loadMessages() {
        ConversationItem c = selected.get();
        if (c == null) {
            messages.clear();
            updateStatus();
            return;
        }
        List<InstantMessage> found;
        try {
            found = new ArrayList<>(filtering() ? matching(c.peer()) : history.conversation(c.peer(), MESSAGES));
            // the store matches a participant in from/to too (their messages in multiparty sessions): keep this one
            found.removeIf(m -> !peerOf(m).equals(c.peer()));
        } catch (ParleyException e) {
            error.set("Cannot read the history: " + e.getMessage());
            found = new ArrayList<>();
        }
        found.sort(Comparator.comparing(InstantMessage::sentAt)); // oldest first, as a conversation reads
        List<MessageItem> items = new ArrayList<>(found.size());
        for (InstantMessage m : found) {
            boolean out = m.from() != null && m.from().equalsIgnoreCase(ownAor);
            items.add(new MessageItem(m.id(), Kind.IM, m.sentAt(), m.from(), out ? "You" : nameOf(m.from()), out,
                    plainText(m), m.delivery()));
        }
        messages.setAll(items);
        updateStatus();
    }

    private void updateStatus() {
        int n = conversations.size();
        String s = n == 0 ? (filtering() ? "Nothing matches the search" : "No conversations yet")
                : n + (n == 1 ? " conversation" : " conversations") + (filtering() ? " match" : "");
        if (selected.get() != null) {
            int m = messages.size();
            s += " · " + m + (m == 1 ? " message" : " messages") + " with " + selected.get().name();
        }
        status.set(s);
    }

    /** The conversation a message belongs to: its session, else the other party. */
    String peerOf(InstantMessage m) {
        String peer = m.session() != null ? m.session()
                : m.from() != null && m.from().equalsIgnoreCase(ownAor) ? m.to() : m.from();
        return peer == null ? "" : peer.toLowerCase(Locale.ROOT);
    }

    private String nameOf(String uri) {
        if (uri == null) {
            return "";
        }
        String n = names.apply(uri);
        return n == null || n.isBlank() ? uri.replaceFirst("^(sips?|tel):", "") : n;
    }

    private static String plainText(InstantMessage m) {
        return SafeHtml.plainText(m.contentType(), m.text());
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    private Instant start(LocalDate day) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }

    private Instant end(LocalDate day) {
        return day == null ? null : day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
