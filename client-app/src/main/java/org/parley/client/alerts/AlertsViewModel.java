package org.parley.client.alerts;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.core.client.FileTransferService.Direction;
import org.parley.core.client.FileTransferService.FileTransfer;
import org.parley.core.client.FileTransferService.State;
import org.parley.core.im.SafeHtml;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.Availability;
import org.parley.core.model.InstantMessage;
import org.parley.core.model.InstantMessage.Delivery;
import org.parley.core.model.PresenceInfo;
import org.parley.core.model.PresenceState;
import org.parley.core.model.Visibility;

/**
 * Decides which events raise a toast and how: none for a conversation the user is looking at, none in Do Not
 * Disturb except from contacts allowed to interrupt it (Team only, the same rule the server holds messages by), a
 * one-line mini-alert while the user is in a meeting or one of our windows is full screen. At most
 * {@link #MAX_VISIBLE} toasts are shown; a new one pushes out the oldest.
 */
public final class AlertsViewModel {
    public static final int MAX_VISIBLE = 3;
    static final int MAX_TEXT = 140;

    private final AlertsPort port;
    private final Predicate<String> conversationFocused;
    private final BooleanSupplier fullScreen;
    private final ObservableList<Alert> visible = FXCollections.observableArrayList();
    private final Set<String> offersSeen = new HashSet<>();

    public AlertsViewModel(AlertsPort port, Predicate<String> conversationFocused, BooleanSupplier fullScreen) {
        this.port = port;
        this.conversationFocused = conversationFocused;
        this.fullScreen = fullScreen;
    }

    /** The toasts on screen, oldest first. */
    public ObservableList<Alert> visible() {
        return visible;
    }

    public Optional<Alert> onMessage(InstantMessage m) {
        if (m.from() == null || m.from().equalsIgnoreCase(port.self()) || m.delivery() == Delivery.MISSED) {
            return Optional.empty();
        }
        String conversation = m.session() != null ? m.session() : m.from();
        if (conversationFocused.test(conversation) || !mayInterrupt(m.from())) {
            return Optional.empty();
        }
        return raise(new Alert(Alert.Kind.MESSAGE, m.from(), conversation, port.name(m.from()),
                port.title(m.from()), m.subject(), firstLine(SafeHtml.plainText(m.contentType(), m.text())), m.highPriority(),
                mini()));
    }

    /** A new incoming file offer raises one alert (later events of the same transfer do not). */
    public Optional<Alert> onTransfer(FileTransfer t) {
        if (t.direction() != Direction.INCOMING || t.state() != State.OFFERED || !offersSeen.add(t.id())
                || conversationFocused.test(t.peer()) || !mayInterrupt(t.peer())) {
            return Optional.empty();
        }
        return raise(new Alert(Alert.Kind.FILE, t.peer(), t.peer(), port.name(t.peer()), port.title(t.peer()), null,
                "wants to send you " + t.fileName() + " (" + org.parley.client.conversation.TransfersModel.size(
                        t.size()) + ")", false, mini()));
    }

    /** A tagged contact changed state: "Bob is now Available". */
    public Optional<Alert> onTaggedContactChanged(String uri, PresenceInfo presence) {
        if (!mayInterrupt(uri)) {
            return Optional.empty();
        }
        String state = presence.customState() != null ? presence.customState() : presence.state().label();
        return raise(new Alert(Alert.Kind.PRESENCE, uri, uri, port.name(uri), port.title(uri), null,
                "is now " + state, false, mini()));
    }

    /**
     * A delegate answered one of my calls as a manager: "Call from X answered by Y" (always raised, also in Do Not
     * Disturb, so the manager knows who has the call; clicking opens the conversation with the delegate).
     */
    public Optional<Alert> onAnsweredBy(String caller, String delegate) {
        String who = caller == null ? "Unknown caller" : port.name(caller);
        return raise(new Alert(Alert.Kind.ANSWERED_BY, delegate, delegate, "Call from " + who, null, null,
                "answered by " + port.name(delegate), false, mini()));
    }

    public void dismiss(Alert a) {
        visible.remove(a);
    }

    public void dismissAll() {
        visible.clear();
    }

    /** True when the alert should also be heard. */
    public boolean withSound(Alert a) {
        return port.soundsEnabled();
    }

    private Optional<Alert> raise(Alert a) {
        while (visible.size() >= MAX_VISIBLE) {
            visible.remove(0);
        }
        visible.add(a);
        return Optional.of(a);
    }

    /** In Do Not Disturb only contacts at Team level or above get through. */
    boolean mayInterrupt(String uri) {
        PresenceInfo own = port.own();
        if (own == null || own.availability() != Availability.DO_NOT_DISTURB) {
            return true;
        }
        AccessLevel level = port.levelOf(uri);
        return level != null && Visibility.mayInterruptDnd(level);
    }

    boolean mini() {
        PresenceInfo own = port.own();
        return fullScreen.getAsBoolean() || (own != null && own.state() == PresenceState.IN_A_MEETING);
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        return line.length() <= MAX_TEXT ? line : line.substring(0, MAX_TEXT - 1).strip() + "…";
    }
}
