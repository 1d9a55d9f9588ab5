package org.parley.client.contacts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.SetChangeListener;
import org.parley.core.client.PresenceService;
import org.parley.core.client.UcClient;
import org.parley.core.model.ContactCard;
import org.parley.core.model.ContactGroup;
import org.parley.core.model.ContactKind;
import org.parley.core.model.ContactList;
import org.parley.core.model.DirectoryEntry;
import org.parley.core.model.PresenceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contact list as flattened rows for a virtualized list. Presence events update each contact's item at once;
 * re-sorting and re-grouping after presence changes are coalesced (at most one rebuild per {@link Later} delay), while
 * what the user does (typing a filter, collapsing, changing the grouping) rebuilds at once. A rebuild that gives the
 * same rows leaves the list alone. Edits ({@link ContactActions}) go to the server, whose new list comes back as an
 * event. Call on the JavaFX application thread.
 */
public final class ContactListViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ContactListViewModel.class);
    /** Distribution-group members watched for presence when expanded, at most. */
    private static final int MAX_MEMBER_WATCHES = 50;

    private final UcClient client;
    private final OpenConversations open;
    private final Later later;
    private final Map<String, ContactItem> items = new HashMap<>();
    private final ObservableList<ContactRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>(this, "grouping", Grouping.GROUPS);
    private final BooleanProperty sortByPresence = new SimpleBooleanProperty(this, "sortByPresence");
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final Set<String> collapsed = new HashSet<>();
    private final Map<String, List<ContactItem>> members = new HashMap<>();
    private final Set<String> watched = new HashSet<>();
    private List<ContactItem> directory = List.of();
    private String directoryNote;
    private ContactList list = ContactList.EMPTY;
    private List<String> recent = List.of();
    private List<String> delegates = List.of();
    private List<String> managers = List.of();
    /** The delegation service whose manager notices this list follows (at most one). */
    private org.parley.core.client.DelegationService followed;
    private boolean rebuildPending;
    private boolean updating;
    private int rebuilds;

    public ContactListViewModel(UcClient client, OpenConversations open, Later later) {
        this.client = Objects.requireNonNull(client, "client");
        this.open = Objects.requireNonNull(open, "open");
        this.later = Objects.requireNonNull(later, "later");
        grouping.addListener((obs, old, now) -> rebuild());
        sortByPresence.addListener((obs, old, now) -> rebuild());
        filter.addListener((obs, old, now) -> rebuild());
        open.peers().addListener((SetChangeListener<String>) change -> {
            if (change.wasAdded()) {
                itemFor(change.getElementAdded(), ContactKind.USER);
                watch(change.getElementAdded());
            }
            recent = client.contacts().recent();
            rebuild();
        });
        open.calls().addListener((javafx.collections.MapChangeListener<String, String>) change ->
                itemFor(change.getKey(), change.getKey().startsWith("tel:") ? ContactKind.PHONE : ContactKind.USER)
                        .setCallState(change.wasAdded() ? change.getValueAdded() : null));
    }

    /** Starts following the client's contact list and presence. */
    public void start() {
        client.contacts().addListener(this::accept);
        client.presence().addListener(new PresenceService.PresenceListener() {
            @Override
            public void onPresence(String uri, PresenceInfo presence, ContactCard card) {
                presenceChanged(uri, presence, card);
            }
        });
        recent = client.contacts().recent();
        accept(client.contacts().current());
    }

    /** A new contact list from the server: items follow, the rows are rebuilt at once. */
    public void accept(ContactList newList) {
        list = newList == null ? ContactList.EMPTY : newList;
        Set<String> inList = new HashSet<>();
        list.contacts().forEach(c -> {
            ContactItem i = itemFor(c.uri(), c.kind());
            i.setContact(c);
            inList.add(i.key());
            client.presence().of(c.uri()).ifPresent(i::setPresence);
        });
        items.values().forEach(i -> {
            if (i.contact() != null && !inList.contains(i.key())) {
                i.setContact(null);
            }
        });
        recent.forEach(u -> {
            itemFor(u, u.startsWith("tel:") ? ContactKind.PHONE : ContactKind.USER);
            watch(u);
        });
        rebuild();
    }

    /** A presence event: the item changes now, the order later. */
    public void presenceChanged(String uri, PresenceInfo presence, ContactCard card) {
        ContactItem i = items.get(ContactItem.keyOf(uri));
        if (i == null) {
            return;
        }
        i.setPresence(presence);
        if (card != null && card.displayName() != null) {
            i.setCard(card);
        }
        requestRebuild();
    }

    /** Asks for a rebuild within the coalescing delay; one is enough however many events arrive meanwhile. */
    public void requestRebuild() {
        if (!rebuildPending) {
            rebuildPending = true;
            later.run(() -> {
                rebuildPending = false;
                rebuild();
            });
        }
    }

    /** Recomputes the rows now; leaves the list untouched when they did not change. */
    public void rebuild() {
        String f = filter.get() == null ? "" : filter.get().trim().toLowerCase(java.util.Locale.ROOT);
        List<ContactRow> fresh = RowBuilder.build(new RowBuilder.Input(list, items, grouping.get(),
                sortByPresence.get(), f, collapsed, new ArrayList<>(open.peers()), recent, members, directory,
                directoryNote, delegates, managers));
        rebuilds++;
        if (!fresh.equals(rows)) {
            updating = true;
            try {
                rows.setAll(fresh);
            } finally {
                updating = false;
            }
        }
    }

    /**
     * Reads my delegates and my managers from the server ({@code fx} applies the answers); a client or server
     * without delegation leaves both groups empty.
     */
    public void loadDelegation(java.util.concurrent.Executor fx) {
        org.parley.core.client.DelegationService d;
        try {
            d = client.delegation();
        } catch (RuntimeException e) {
            LOG.debug("no delegation: {}", e.getMessage());
            return;
        }
        if (followed != d) {
            followed = d;
            // a manager adding or removing me: the Managers group follows without signing in again
            d.addManagersListener((manager, delegate) -> fx.execute(() -> managerChanged(manager, delegate)));
        }
        java.util.concurrent.CompletableFuture<org.parley.core.client.DelegationService.Settings> mine = d.settings();
        java.util.concurrent.CompletableFuture<List<String>> theirs = d.managers();
        if (mine == null || theirs == null) {
            return;
        }
        mine.handle((s, e) -> s == null || e != null ? delegates : s.delegates())
                .thenCombine(theirs.handle((m, e) -> m == null || e != null ? managers : m), List::of)
                .thenAcceptAsync(both -> showDelegation(both.get(0), both.get(1)), fx);
    }

    /** A manager made me their delegate ({@code delegate}) or stopped: the Managers group gains or loses them. */
    void managerChanged(String manager, boolean delegate) {
        List<String> next = new java.util.ArrayList<>(managers);
        next.removeIf(m -> ContactItem.keyOf(m).equals(ContactItem.keyOf(manager)));
        if (delegate) {
            next.add(manager);
        }
        if (!next.equals(managers)) {
            showDelegation(delegates, next);
        }
    }

    /** Shows {@code mine} under "Delegates" and {@code theirs} under "Managers", with their presence watched. */
    public void showDelegation(List<String> mine, List<String> theirs) {
        delegates = List.copyOf(mine);
        managers = List.copyOf(theirs);
        for (String u : delegates) {
            client.presence().of(u).ifPresent(track(u)::setPresence);
        }
        for (String u : managers) {
            client.presence().of(u).ifPresent(track(u)::setPresence);
        }
        rebuild();
    }

    ContactItem itemFor(String uri, ContactKind kind) {
        return items.computeIfAbsent(ContactItem.keyOf(uri), k -> new ContactItem(uri, kind));
    }

    /** The item of a URI this list knows (contact, recent, open conversation, result), if any. */
    public java.util.Optional<ContactItem> item(String uri) {
        return java.util.Optional.ofNullable(items.get(ContactItem.keyOf(uri)));
    }

    /** The item of {@code uri}, created (and its presence watched) when the list does not know it yet. */
    public ContactItem track(String uri) {
        ContactItem i = itemFor(uri, uri.startsWith("tel:") ? ContactKind.PHONE : ContactKind.USER);
        watch(uri);
        return i;
    }

    private void watch(String uri) {
        String k = ContactItem.keyOf(uri);
        if (list.contact(uri).isEmpty() && !uri.startsWith("tel:") && watched.add(k)) {
            client.presence().watch(uri).exceptionally(e -> {
                watched.remove(k);
                LOG.debug("cannot watch {}: {}", uri, e.toString());
                return null;
            });
        }
    }

    /** Collapses or expands a section. */
    public void toggle(String headerKey) {
        if (!collapsed.remove(headerKey)) {
            collapsed.add(headerKey);
        }
        rebuild();
    }

    public boolean isCollapsed(String headerKey) {
        return collapsed.contains(headerKey);
    }

    /** Shows or hides a distribution group's members under it (fetched from the server the first time). */
    public CompletableFuture<Void> toggleMembers(ContactItem group) {
        if (members.remove(group.key()) != null) {
            rebuild();
            return CompletableFuture.completedFuture(null);
        }
        return client.contacts().expand(group.uri()).thenAccept(cards -> {
            List<ContactItem> shown = new ArrayList<>();
            for (ContactCard c : cards) {
                ContactItem m = itemFor(c.uri(), ContactKind.USER);
                m.setCard(c);
                shown.add(m);
                if (watched.size() < MAX_MEMBER_WATCHES) {
                    watch(c.uri());
                }
            }
            members.put(group.key(), shown);
            rebuild();
        }).exceptionally(e -> fail("Cannot expand " + group.name(), e));
    }

    /** The directory section under the list: these results with a note ("Searching…"), or none when both are empty. */
    public void showDirectory(List<DirectoryEntry> entries, String note) {
        List<ContactItem> shown = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (DirectoryEntry e : entries) {
            if (!seen.add(ContactItem.keyOf(e.card().uri()))) {
                continue;
            }
            ContactItem i = itemFor(e.card().uri(), e.kind());
            i.setKind(e.kind());
            i.setCard(e.card());
            shown.add(i);
            if (e.kind() == ContactKind.USER) {
                watch(e.card().uri());
            }
        }
        directory = List.copyOf(shown);
        directoryNote = note;
        rebuild();
    }

    Void fail(String what, Throwable e) {
        Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        status.set(what + ": " + t.getMessage());
        LOG.info("{}: {}", what, t.toString());
        return null;
    }

    public ObservableList<ContactRow> rows() {
        return rows;
    }

    public List<ContactGroup> groups() {
        return list.groups();
    }

    public ContactList list() {
        return list;
    }

    UcClient client() {
        return client;
    }

    public ObjectProperty<Grouping> groupingProperty() {
        return grouping;
    }

    public BooleanProperty sortByPresenceProperty() {
        return sortByPresence;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** The last failed edit ("Cannot remove Bob: ..."), "" when none. */
    public StringProperty statusProperty() {
        return status;
    }

    /** True while the rows are being replaced (the view ignores the selection changes that causes). */
    public boolean isUpdating() {
        return updating;
    }

    /** How many rebuilds ran (coalescing tests and the benchmark read it). */
    public int rebuildCount() {
        return rebuilds;
    }
}
