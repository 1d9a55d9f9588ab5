package org.parley.client.main;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.client.shell.Session;
import org.parley.core.client.PresenceService;
import org.parley.core.client.UcClient.ConnectionState;
import org.parley.core.error.ParleyException;
import org.parley.core.model.Availability;
import org.parley.core.model.ContactCard;
import org.parley.core.model.DirectoryEntry;
import org.parley.core.model.PresenceInfo;
import org.parley.core.model.PresenceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window's header: who I am (name from my own card), my presence (the selector: the states a user may pick
 * plus the server's custom states), note, location, and the connection banner while the client reconnects. Call on
 * the JavaFX application thread.
 */
public final class MainViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);
    static final List<PresenceState> PICKABLE = List.of(PresenceState.AVAILABLE, PresenceState.BUSY,
            PresenceState.DO_NOT_DISTURB, PresenceState.BE_RIGHT_BACK, PresenceState.AWAY, PresenceState.OFFLINE);
    public static final String RECONNECTING = "Connection to the server lost. Reconnecting…";

    private final Session session;
    private final ReadOnlyStringWrapper displayName = new ReadOnlyStringWrapper(this, "displayName");
    private final ReadOnlyObjectWrapper<Availability> availability =
            new ReadOnlyObjectWrapper<>(this, "availability", Availability.AVAILABLE);
    private final ObjectProperty<StateChoice> state = new SimpleObjectProperty<>(this, "state");
    private final ObservableList<StateChoice> choices = FXCollections.observableArrayList();
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final StringProperty location = new SimpleStringProperty(this, "location", "");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private boolean applying;
    private String publishedNote = "";

    public MainViewModel(Session session) {
        this.session = Objects.requireNonNull(session, "session");
        displayName.set(session.config().username());
        refreshChoices();
        state.addListener((obs, old, now) -> {
            if (!applying && now != null && !now.equals(old)) {
                choose(now);
            }
        });
        PresenceInfo own = session.client().presence().own();
        applyOwn(own);
        note.set(own == null || own.note() == null ? "" : own.note());
        publishedNote = note.get();
        location.set(own == null || own.location() == null ? "" : own.location());
    }

    /** Follows the connection and my own presence (as my other devices and the idle timers change it). */
    public void start() {
        session.client().addConnectionListener(this::onConnection);
        session.client().presence().addListener(new PresenceService.PresenceListener() {
            @Override
            public void onPresence(String uri, PresenceInfo presence, ContactCard card) {
                if (uri.equalsIgnoreCase(session.aor())) {
                    if (card != null && card.displayName() != null && !card.displayName().isBlank()) {
                        displayName.set(card.displayName());
                    }
                    applyOwn(presence);
                }
            }
        });
        session.client().presence().watch(session.aor()).exceptionally(e -> null);
        session.client().directory().search(session.config().username(), 0, 10).thenAccept(page -> {
            for (DirectoryEntry e : page.entries()) {
                if (e.card().uri().equalsIgnoreCase(session.aor()) && e.card().displayName() != null) {
                    displayName.set(e.card().displayName());
                }
            }
        }).exceptionally(e -> null);
    }

    void onConnection(ConnectionState s, ParleyException error) {
        if (s == ConnectionState.RECONNECTING) {
            banner.set(error == null || error.getMessage() == null ? RECONNECTING
                    : RECONNECTING + " (" + error.getMessage() + ")");
        } else if (s == ConnectionState.SIGNED_IN) {
            banner.set("");
        }
    }

    /** The selector's entries: the pickable states, then the server's custom states (they load after sign-in). */
    public void refreshChoices() {
        List<StateChoice> all = new ArrayList<>();
        PICKABLE.forEach(s -> all.add(StateChoice.of(s)));
        for (String label : session.client().presence().customStates()) {
            all.add(StateChoice.custom(label, Availability.UNKNOWN));
        }
        if (!all.equals(choices)) {
            StateChoice keep = state.get();
            applying = true;
            try {
                choices.setAll(all);
                state.set(keep);
            } finally {
                applying = false;
            }
        }
    }

    private void applyOwn(PresenceInfo p) {
        if (p == null) {
            return;
        }
        applying = true;
        try {
            availability.set(p.availability());
            StateChoice match = null;
            for (StateChoice c : choices) {
                if (p.customState() != null ? p.customState().equalsIgnoreCase(c.custom()) : c.state() == p.state()) {
                    match = c;
                }
            }
            state.set(match != null ? match : new StateChoice(p.state(), p.customState(),
                    p.customState() != null ? p.customState() : p.state().label(), p.availability()));
        } finally {
            applying = false;
        }
    }

    /** Publishes the chosen state. */
    public CompletableFuture<Void> choose(StateChoice choice) {
        PresenceService presence = session.client().presence();
        CompletableFuture<Void> f = choice.isCustom() ? presence.setCustomState(choice.custom())
                : presence.setState(choice.state());
        return track(f, "Cannot change your presence");
    }

    /** Publishes the note as typed (Enter in the note field, or leaving it changed). */
    public CompletableFuture<Void> publishNote() {
        String n = note.get() == null ? "" : note.get().trim();
        publishedNote = n;
        return track(session.client().presence().setNote(n.isEmpty() ? null : n), "Cannot publish your note");
    }

    /** Publishes the note if it differs from the last one published (the field lost the focus). */
    public void publishNoteIfChanged() {
        String n = note.get() == null ? "" : note.get().trim();
        if (!n.equals(publishedNote)) {
            publishNote();
        }
    }

    /** Publishes the location ("Office", "Home" or any text; blank clears it). */
    public CompletableFuture<Void> publishLocation() {
        String l = location.get() == null ? "" : location.get().trim();
        return track(session.client().presence().setLocation(l.isEmpty() ? null : l), "Cannot publish your location");
    }

    private CompletableFuture<Void> track(CompletableFuture<Void> f, String what) {
        status.set("");
        return f.whenComplete((v, e) -> {
            if (e != null) {
                Throwable t = e.getCause() != null && e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
                status.set(what + ": " + t.getMessage());
                LOG.info("{}: {}", what, t.toString());
            }
            applyOwn(session.client().presence().own());
        });
    }

    public void clearStatus() {
        status.set("");
    }

    public Session session() {
        return session;
    }

    public ReadOnlyStringProperty displayNameProperty() {
        return displayName.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Availability> availabilityProperty() {
        return availability.getReadOnlyProperty();
    }

    /** My current state in the selector; setting it publishes. */
    public ObjectProperty<StateChoice> stateProperty() {
        return state;
    }

    public ObservableList<StateChoice> choices() {
        return choices;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public StringProperty locationProperty() {
        return location;
    }

    /** The connection banner's text, "" when connected. */
    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    /** The last failure of a presence change, "" when none. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
