package org.parley.client.conversation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.core.client.MessageOptions;
import org.parley.core.error.ParleyException;
import org.parley.core.model.InstantMessage;
import org.parley.core.model.InstantMessage.Delivery;
import org.parley.core.model.PresenceInfo;

/**
 * One conversation (a peer or a multiparty session): its rows, what is being typed, the header, the compose options
 * and the roster. Sending shows the message at once as "sending…" and follows its answer. File transfers are in
 * {@link #transfers()}. Call on the JavaFX application thread.
 */
public final class ConversationViewModel {
    /** How long "Bob is typing…" stays without a refresh. */
    static final Duration TYPING_SHOWN = Duration.ofSeconds(12);
    /** Idle after this long without a keystroke. */
    static final Duration TYPING_IDLE = Duration.ofSeconds(5);
    public static final int HISTORY = 50;
    public static final int MAX_PARTICIPANTS = 100;

    private final String key;
    private final ConversationPort port;
    private final Scheduler scheduler;
    private final Clock clock;
    private final ObservableList<ChatItem> items = FXCollections.observableArrayList();
    private final ObservableList<String> roster = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper typing = new ReadOnlyStringWrapper(this, "typing", "");
    private final ObjectProperty<PresenceInfo> presence = new SimpleObjectProperty<>(this, "presence",
            PresenceInfo.UNKNOWN);
    private final StringProperty subject = new SimpleStringProperty(this, "subject", "");
    private final BooleanProperty highPriority = new SimpleBooleanProperty(this, "highPriority");
    private final IntegerProperty unread = new SimpleIntegerProperty(this, "unread");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final IntegerProperty revision = new SimpleIntegerProperty(this, "revision");
    private final Map<String, Runnable> typists = new LinkedHashMap<>();
    private final TransfersModel transfers;
    private String sessionSubject;
    private Runnable idleTimer;
    private boolean typingSent;
    private boolean historyLoaded;

    public ConversationViewModel(String key, ConversationPort port, Scheduler scheduler, Clock clock) {
        this.key = key;
        this.port = port;
        this.scheduler = scheduler;
        this.clock = clock;
        this.transfers = new TransfersModel(key, port, items, clock);
        active.addListener((o, was, now) -> {
            if (now) {
                unread.set(0);
            }
        });
        refreshHeader();
    }

    public static boolean isSession(String uri) {
        return uri.toLowerCase(Locale.ROOT).startsWith("sip:chat~");
    }

    public String key() {
        return key;
    }

    public boolean isSession() {
        return isSession(key);
    }

    public boolean matches(String uri) {
        return uri != null && key.equalsIgnoreCase(uri);
    }

    public ObservableList<ChatItem> items() {
        return items;
    }

    public ObservableList<String> roster() {
        return roster;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty typingProperty() {
        return typing.getReadOnlyProperty();
    }

    public ObjectProperty<PresenceInfo> presenceProperty() {
        return presence;
    }

    public StringProperty subjectProperty() {
        return subject;
    }

    public BooleanProperty highPriorityProperty() {
        return highPriority;
    }

    public IntegerProperty unreadProperty() {
        return unread;
    }

    /** True while this conversation is the selected tab of the focused window (no unread count, no alert). */
    public BooleanProperty activeProperty() {
        return active;
    }

    public TransfersModel transfers() {
        return transfers;
    }

    public ConversationPort port() {
        return port;
    }

    public String name(String uri) {
        return port.name(uri);
    }

    /** The session's subject as its creator gave it (shown as the title). */
    public void setSessionSubject(String s) {
        sessionSubject = s == null || s.isBlank() ? null : s.trim();
        refreshHeader();
    }

    /** History ids of the messages shown, so one stored before its event arrives is not shown twice. */
    private final java.util.Set<String> shownIds = new java.util.HashSet<>();

    /** Shows the newest messages from the local history (once). */
    public void loadHistory() {
        if (historyLoaded) {
            return;
        }
        historyLoaded = true;
        List<ChatItem> old = new ArrayList<>();
        for (InstantMessage m : port.history(key, HISTORY)) {
            if (m.id() == null || shownIds.add(m.id())) {
                old.add(toItem(m, m.delivery()));
            }
        }
        items.addAll(0, old);
    }

    /** Sends the compose content (text/plain or text/html) with the subject and priority set; blank is ignored. */
    public MessageItem send(String contentType, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String subj = subject.get() == null || subject.get().isBlank() ? null : subject.get().trim();
        MessageItem item = new MessageItem(port.self(), port.name(port.self()), true, contentType, text, subj,
                highPriority.get(), clock.instant(), Delivery.PENDING);
        items.add(item);
        highPriority.set(false);
        stopTyping();
        dispatch(item);
        return item;
    }

    /** Sends a failed message again (same text, subject and priority). */
    public void retry(MessageItem item) {
        if (item.outgoing() && item.delivery() == Delivery.FAILED) {
            item.setError(null);
            item.setDelivery(Delivery.PENDING);
            dispatch(item);
        }
    }

    private void dispatch(MessageItem item) {
        port.send(key, item.contentType(), item.text(), new MessageOptions(item.subject(), item.highPriority()))
                .whenComplete((m, e) -> {
                    if (e != null) {
                        item.setDelivery(Delivery.FAILED);
                        item.setError(reason(e));
                    } else {
                        item.setDelivery(m.delivery() == null ? Delivery.DELIVERED : m.delivery());
                    }
                });
    }

    /** Why a message failed, in words for the user ("there is no such user", "refused (403 Forbidden)"). */
    static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof ParleyException)) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? "" : t.getMessage();
        java.util.regex.Matcher status = java.util.regex.Pattern.compile("(\\d{3} [^:]*)$").matcher(msg);
        String code = status.find() ? " (" + status.group(1).trim() + ")" : "";
        if (t instanceof ParleyException p) {
            switch (p.code()) {
                case NOT_FOUND:
                    return "there is no such user";
                case REFUSED:
                    return "refused by the server" + code;
                case TIMEOUT:
                    return "no answer in time";
                case NETWORK_FAILURE:
                    return "the server cannot be reached";
                default:
                    break;
            }
        }
        return msg.isBlank() ? "not delivered" : msg;
    }

    /** A message for this conversation arrived (incoming, or our own echoed back by a multiparty session). */
    public void onMessage(InstantMessage m) {
        boolean mine = m.from() != null && m.from().equalsIgnoreCase(port.self());
        if (m.id() != null && !shownIds.add(m.id())) {
            return; // already shown from the history (the message that opened this conversation is stored first)
        }
        if (mine && isSession() && echoOfOwn(m.text())) {
            return;
        }
        items.add(toItem(m, mine ? Delivery.DELIVERED : m.delivery()));
        if (!mine) {
            clearTypist(m.from());
            if (!active.get()) {
                unread.set(unread.get() + 1);
            }
        }
    }

    private boolean echoOfOwn(String text) {
        for (int i = items.size() - 1; i >= Math.max(0, items.size() - 30); i--) {
            if (items.get(i) instanceof MessageItem mi && mi.outgoing() && !mi.echoed && mi.text().equals(text)) {
                mi.echoed = true;
                return true;
            }
        }
        return false;
    }

    private MessageItem toItem(InstantMessage m, Delivery d) {
        boolean mine = m.from() != null && m.from().equalsIgnoreCase(port.self());
        MessageItem item = new MessageItem(m.from(), port.name(m.from()), mine, m.contentType(), m.text(),
                m.subject(), m.highPriority(), m.sentAt() == null ? clock.instant() : m.sentAt(), d);
        item.echoed = true;
        return item;
    }

    public void onTyping(String from, boolean isActive) {
        if (from == null || from.equalsIgnoreCase(port.self())) {
            return;
        }
        if (!isActive) {
            clearTypist(from);
            return;
        }
        Runnable old = typists.remove(from.toLowerCase(Locale.ROOT));
        if (old != null) {
            old.run();
        }
        typists.put(from.toLowerCase(Locale.ROOT), scheduler.schedule(TYPING_SHOWN, () -> clearTypist(from)));
        refreshTyping(from);
    }

    private final Map<String, String> typistNames = new LinkedHashMap<>();

    private void refreshTyping(String from) {
        typistNames.put(from.toLowerCase(Locale.ROOT), port.name(from));
        showTypists();
    }

    private void showTypists() {
        List<String> names = new ArrayList<>();
        typists.keySet().forEach(k -> names.add(typistNames.getOrDefault(k, k)));
        typing.set(switch (names.size()) {
            case 0 -> "";
            case 1 -> names.get(0) + " is typing…";
            case 2 -> names.get(0) + " and " + names.get(1) + " are typing…";
            default -> names.size() + " people are typing…";
        });
    }

    private void clearTypist(String from) {
        if (from == null) {
            return;
        }
        Runnable cancel = typists.remove(from.toLowerCase(Locale.ROOT));
        if (cancel != null) {
            cancel.run();
            typistNames.remove(from.toLowerCase(Locale.ROOT));
            showTypists();
        }
    }

    /** The compose box changed: tell the peer we are typing, and idle again after a pause or when it is empty. */
    public void composeChanged(boolean hasText) {
        if (!hasText) {
            stopTyping();
            return;
        }
        port.typing(key, true);
        typingSent = true;
        if (idleTimer != null) {
            idleTimer.run();
        }
        idleTimer = scheduler.schedule(TYPING_IDLE, this::stopTyping);
    }

    private void stopTyping() {
        if (idleTimer != null) {
            idleTimer.run();
            idleTimer = null;
        }
        if (typingSent) {
            typingSent = false;
            port.typing(key, false);
        }
    }

    /** A multiparty session changed: the roster is replaced and a notice added. */
    public void onSessionEvent(String event, String who, List<String> participants) {
        List<String> next = participants == null ? List.of() : participants;
        roster.setAll(next.subList(0, Math.min(next.size(), MAX_PARTICIPANTS)));
        if (who != null && !who.equalsIgnoreCase(port.self())) {
            String verb = switch (event == null ? "" : event) {
                case "joined" -> "joined the conversation";
                case "left" -> "left the conversation";
                default -> event;
            };
            items.add(new ChatItem.Notice(port.name(who) + " " + verb, clock.instant()));
            if ("left".equals(event)) {
                clearTypist(who);
            }
        }
        refreshHeader();
    }

    /** Grows whenever names or presence shown by the conversation may have changed (the roster redraws). */
    public javafx.beans.value.ObservableIntegerValue revision() {
        return revision;
    }

    /** Whether this URI takes part in the conversation (the peer, or a session participant). */
    public boolean involves(String uri) {
        return matches(uri) || roster.stream().anyMatch(p -> p.equalsIgnoreCase(uri));
    }

    /** The peer's presence or name may have changed. */
    public void refreshHeader() {
        revision.set(revision.get() + 1);
        if (isSession()) {
            title.set(sessionSubject != null ? sessionSubject
                    : roster.isEmpty() ? "Group conversation" : "Group conversation (" + roster.size() + ")");
        } else {
            title.set(port.name(key));
            presence.set(port.presence(key));
        }
    }

    /** Whether a row starts a new sender group (name and time shown above it). */
    public boolean startsGroup(int index) {
        if (!(items.get(index) instanceof MessageItem m)) {
            return false;
        }
        if (index == 0 || !(items.get(index - 1) instanceof MessageItem prev)) {
            return true;
        }
        return !prev.from().equalsIgnoreCase(m.from())
                || Duration.between(prev.at(), m.at()).compareTo(Duration.ofMinutes(5)) > 0;
    }

    /** Offers a file to the peer (1:1 only); a message row explains a refusal (too large, unreadable). */
    public void sendFile(Path file) {
        transfers.send(file);
    }

    /** Ends what the conversation still has running (timers, the typing state). */
    public void dispose() {
        stopTyping();
        new ArrayList<>(typists.keySet()).forEach(this::clearTypist);
    }

    static boolean readable(Path p) {
        return p != null && Files.isRegularFile(p) && Files.isReadable(p);
    }

    Instant now() {
        return clock.instant();
    }
}
