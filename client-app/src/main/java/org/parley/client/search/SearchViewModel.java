package org.parley.client.search;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.parley.client.contacts.ContactListViewModel;
import org.parley.client.contacts.Later;
import org.parley.core.client.DirectoryService;
import org.parley.core.model.DirectoryEntry;

/**
 * The search box: every keystroke filters the contact list at once; the directory is searched when typing pauses
 * (debounced) and its results (people not in my list yet) appear in the list's "Directory" section. A late answer
 * to an older query is dropped. Call on the JavaFX application thread.
 */
public final class SearchViewModel {
    /** Results asked of the directory per search. */
    static final int PAGE_SIZE = 20;
    /** Shorter queries filter the list only. */
    static final int MIN_DIRECTORY_QUERY = 2;

    private final DirectoryService directory;
    private final ContactListViewModel list;
    private final Later debounce;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private long generation;
    private int searches;

    public SearchViewModel(DirectoryService directory, ContactListViewModel list, Later debounce) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.list = Objects.requireNonNull(list, "list");
        this.debounce = Objects.requireNonNull(debounce, "debounce");
        query.addListener((obs, old, now) -> changed(now == null ? "" : now));
    }

    private void changed(String text) {
        list.filterProperty().set(text);
        long mine = ++generation;
        String q = text.trim();
        if (q.length() < MIN_DIRECTORY_QUERY) {
            list.showDirectory(List.of(), null);
            return;
        }
        list.showDirectory(List.of(), "Searching the directory…");
        debounce.run(() -> {
            if (mine == generation) {
                search(q, mine);
            }
        });
    }

    private void search(String q, long mine) {
        searches++;
        directory.search(q, 0, PAGE_SIZE).whenComplete((page, e) -> {
            if (mine != generation) {
                return;
            }
            if (e != null) {
                list.showDirectory(List.of(), "The directory cannot be searched now.");
                return;
            }
            List<DirectoryEntry> others = page.entries().stream()
                    .filter(d -> list.list().contact(d.card().uri()).isEmpty()).toList();
            String note = others.isEmpty() ? "No other matches in the directory."
                    : page.total() > PAGE_SIZE ? "Showing the first " + PAGE_SIZE + " of " + page.total()
                    + " matches: type more to narrow." : null;
            list.showDirectory(others, note);
        });
    }

    /** Esc: empties the box, the filter and the results. */
    public void clear() {
        query.set("");
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** Directory searches sent so far (debounce tests read it). */
    public int searchCount() {
        return searches;
    }
}
