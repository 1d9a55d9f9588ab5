package org.parley.attendant.contacts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.core.client.ContactsService;
import org.parley.core.client.DirectoryService;
import org.parley.core.client.PresenceService;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.model.Contact;
import org.parley.core.model.ContactGroup;
import org.parley.core.model.ContactList;
import org.parley.core.model.DirectoryEntry;
import org.parley.core.model.PresenceInfo;
import org.parley.core.model.PresenceState;
import org.parley.ui.Coalescer;

/**
 * The attendant's contact groups with live presence (shown as a list or as tiles), directory search with
 * add-to-group, the names the queue shows for callers, and presence-aware transfer hints.
 *
 * <p>Presence changes are coalesced ({@link Coalescer}): hundreds of contacts changing state in a second cost one
 * apply per pass of the JavaFX thread (the last state per contact wins), found through an index by address instead
 * of a scan of every row. A new contact list keeps the rows it already had (same objects), so the views update
 * in place instead of rebuilding every cell.
 */
public final class ContactsViewModel {
    static final String OTHER = "Other contacts";
    /**
     * Presence changes reach the screen at most this often (a change after a quiet spell at once): under a storm of
     * changes the scene then changes, and is painted, ten times a second instead of on every pulse (bench/attendant).
     */
    static final long PRESENCE_APPLY_INTERVAL_MILLIS = 100;

    private final ContactsService contacts;
    private final PresenceService presence;
    private final DirectoryService directory;
    private final ObservableList<ContactRow> rows = FXCollections.observableArrayList();
    private final ObservableList<DirectoryEntry> results = FXCollections.observableArrayList();
    private final BooleanProperty tiles = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    /** Names learnt from the directory, by lower-case AOR. */
    private final Map<String, String> directoryNames = new ConcurrentHashMap<>();
    /** The rows of each address (a contact may be in several groups), by lower-case address. */
    private final Map<String, List<ContactRow>> byUri = new HashMap<>();
    private final Coalescer<String, PresenceInfo> presenceChanges;
    private Runnable namesChanged = () -> { };

    /** Presence changes are applied as they come (tests, and callers already on the JavaFX thread). */
    public ContactsViewModel(ContactsService contacts, PresenceService presence, DirectoryService directory) {
        this(contacts, presence, directory, Runnable::run, 0);
    }

    /** @param ui where coalesced presence changes are applied: the app's {@code UiExecutor} */
    public ContactsViewModel(ContactsService contacts, PresenceService presence, DirectoryService directory,
                             Executor ui) {
        this(contacts, presence, directory, ui, PRESENCE_APPLY_INTERVAL_MILLIS);
    }

    private ContactsViewModel(ContactsService contacts, PresenceService presence, DirectoryService directory,
                              Executor ui, long presenceIntervalMillis) {
        this.contacts = contacts;
        this.presence = presence;
        this.directory = directory;
        this.presenceChanges = Coalescer.paced(ui, this::applyPresence, presenceIntervalMillis);
        contacts.addListener(this::onContactList);
        presence.addListener((uri, info, card) -> onPresence(uri, info));
        onContactList(contacts.current());
    }

    public ObservableList<ContactRow> rows() {
        return rows;
    }

    public ObservableList<DirectoryEntry> results() {
        return results;
    }

    /** Tiles instead of a list. */
    public BooleanProperty tilesProperty() {
        return tiles;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public List<ContactGroup> groups() {
        return contacts.current().groups();
    }

    /** Called when a name the queue shows may have changed. */
    public void onNamesChanged(Runnable listener) {
        namesChanged = listener;
    }

    void onContactList(ContactList list) {
        Map<String, ContactRow> old = new HashMap<>();
        rows.forEach(r -> old.put(key(r.uri(), r.group(), r.name()), r));
        List<ContactRow> next = new ArrayList<>();
        for (ContactGroup g : list.groups()) {
            for (Contact c : list.contacts()) {
                if (c.groupIds().contains(g.id())) {
                    next.add(row(c, g.name(), old));
                }
            }
        }
        list.contacts().stream().filter(c -> c.groupIds().isEmpty()).forEach(c -> next.add(row(c, OTHER, old)));
        byUri.clear();
        next.forEach(r -> byUri.computeIfAbsent(lower(r.uri()), k -> new ArrayList<>(1)).add(r));
        if (!next.equals(rows)) { // same row objects in the same order: nothing for the views to redo
            rows.setAll(next);
        }
        namesChanged.run();
    }

    /** The row already shown for this contact in this group (kept, presence refreshed), else a new one. */
    private ContactRow row(Contact c, String group, Map<String, ContactRow> old) {
        String name = c.displayName() == null ? c.uri() : c.displayName();
        ContactRow r = old.get(key(c.uri(), group, name));
        if (r == null) {
            r = new ContactRow(c.uri(), name, group);
        }
        r.setPresence(presence.of(c.uri()).orElse(r.presenceProperty().get()));
        return r;
    }

    private static String key(String uri, String group, String name) {
        return lower(uri) + '\n' + group + '\n' + name;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /** A presence event from core: kept until the next apply (the last one per contact wins). */
    void onPresence(String uri, PresenceInfo info) {
        presenceChanges.put(lower(uri), info);
    }

    private void applyPresence(Map<String, PresenceInfo> batch) {
        batch.forEach((uri, info) -> {
            List<ContactRow> shown = byUri.get(uri);
            if (shown != null) {
                shown.forEach(r -> r.setPresence(info));
            }
        });
    }

    private Optional<ContactRow> rowOf(String uri) {
        List<ContactRow> shown = byUri.get(lower(uri));
        return shown == null || shown.isEmpty() ? Optional.empty() : Optional.of(shown.get(0));
    }

    /** Searches the directory; results replace the previous ones. */
    public void search(String query) {
        if (query == null || query.isBlank()) {
            results.clear();
            return;
        }
        directory.search(query.strip(), 0, 20).whenComplete((page, error) -> {
            if (error != null) {
                status.set("Directory search failed: " + error.getMessage());
            } else {
                results.setAll(page.entries());
                status.set(page.total() + " found");
            }
        });
    }

    /** Adds a directory entry (or any address) to one of the groups. */
    public void addToGroup(String uri, ContactGroup group) {
        if (uri == null || group == null) {
            status.set("Pick a result and a group first");
            return;
        }
        contacts.add(uri, group.id()).whenComplete((list, error) ->
                status.set(error == null ? "Added to " + group.name() : "Could not add: " + error.getMessage()));
    }

    /** "Suggest IM before transferring" when the target is in a meeting, busy or do-not-disturb; else empty. */
    public String transferHint(String target) {
        if (target == null || target.isBlank()) {
            return "";
        }
        PresenceState s = presenceOf(target).state();
        return switch (s) {
            case IN_A_MEETING, BUSY, DO_NOT_DISTURB, IN_A_CALL, IN_A_CONFERENCE ->
                    "Target is " + s.label() + ": suggest IM before transferring";
            default -> "";
        };
    }

    private PresenceInfo presenceOf(String target) {
        String uri = aor(target);
        return rowOf(uri).map(r -> r.presenceProperty().get())
                .orElseGet(() -> presence.of(uri).orElse(PresenceInfo.UNKNOWN));
    }

    private String aor(String target) {
        String t = target.strip();
        if (t.startsWith("sip:") || t.startsWith("tel:")) {
            return t;
        }
        return rows.stream().map(ContactRow::uri).filter(u -> u.regionMatches(true, 4, t + "@", 0, t.length() + 1))
                .findFirst().orElse("sip:" + t);
    }

    /** The name to show for a call: the contact's, else the directory's (looked up once), else the SIP display name. */
    public String nameOf(Call call) {
        String peer = call.peer();
        Optional<String> known = rowOf(peer).map(ContactRow::name);
        if (known.isPresent()) {
            return known.get();
        }
        String key = lower(peer);
        String cached = directoryNames.get(key);
        if (cached != null) {
            return cached.isEmpty() ? fallback(call) : cached;
        }
        directoryNames.put(key, "");
        if (key.startsWith("sip:") && key.contains("@")) {
            directory.search(key.substring(4, key.indexOf('@')), 0, 5).thenAccept(page -> page.entries().stream()
                    .filter(e -> e.card().uri() != null && e.card().uri().equalsIgnoreCase(peer)).findFirst()
                    .ifPresent(e -> {
                        directoryNames.put(key, e.card().displayName());
                        namesChanged.run();
                    }));
        }
        return fallback(call);
    }

    private static String fallback(Call call) {
        return call.peerName() != null && !call.peerName().isBlank() ? call.peerName() : call.peer();
    }
}
