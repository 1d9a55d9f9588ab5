package org.parley.client.members;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.core.client.DirectoryService;
import org.parley.core.model.Contact;
import org.parley.core.model.ContactKind;
import org.parley.core.model.ContactList;
import org.parley.core.model.DirectoryEntry;

/**
 * Users to pick for a forwarding target or the Team-Call group: contacts whose name or address contains what was
 * typed, then directory matches (asked once the text has two characters; an answer to an older text is dropped).
 * Call on the JavaFX application thread.
 */
public final class UserSuggestions {
    static final int MAX = 12;

    private final Supplier<ContactList> contacts;
    private final DirectoryService directory;
    private final ObservableList<String> items = FXCollections.observableArrayList();
    private final java.util.Map<String, String> names = new java.util.HashMap<>();
    private long generation;

    public UserSuggestions(Supplier<ContactList> contacts, DirectoryService directory) {
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The suggested user addresses, best first. */
    public ObservableList<String> items() {
        return items;
    }

    /** The display name of a suggested user (contact list or directory), else null. */
    public String nameOf(String uri) {
        return contacts.get().contact(uri).map(Contact::displayName).orElse(names.get(uri));
    }

    /** Suggests users for {@code typed} (empty: every user contact). */
    public void suggest(String typed) {
        long mine = ++generation;
        String q = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        Set<String> found = new LinkedHashSet<>();
        for (Contact c : contacts.get().contacts()) {
            if (c.kind() == ContactKind.USER && (q.isEmpty() || c.uri().toLowerCase(Locale.ROOT).contains(q)
                    || (c.displayName() != null && c.displayName().toLowerCase(Locale.ROOT).contains(q)))) {
                found.add(c.uri());
                names.put(c.uri(), c.displayName());
            }
        }
        items.setAll(new ArrayList<>(found).subList(0, Math.min(MAX, found.size())));
        if (q.length() < 2) {
            return;
        }
        directory.search(q, 0, MAX).whenComplete((page, e) -> {
            if (mine != generation || e != null || page == null) {
                return;
            }
            List<String> more = new ArrayList<>(items);
            for (DirectoryEntry d : page.entries()) {
                if (d.kind() == ContactKind.USER && !more.contains(d.card().uri()) && more.size() < MAX) {
                    more.add(d.card().uri());
                    names.put(d.card().uri(), d.card().displayName());
                }
            }
            items.setAll(more);
        });
    }
}
