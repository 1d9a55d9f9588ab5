package org.parley.client.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.parley.client.contacts.ContactListViewModel;
import org.parley.client.contacts.ContactRow;
import org.parley.client.contacts.OpenConversations;
import org.parley.client.testing.FakeClient;
import org.parley.client.testing.ManualLater;
import org.parley.core.model.Contact;
import org.parley.core.model.ContactCard;
import org.parley.core.model.ContactKind;
import org.parley.core.model.ContactList;
import org.parley.core.model.DirectoryEntry;
import org.parley.core.model.DirectoryPage;

class SearchViewModelTest {
    private final FakeClient client = new FakeClient();
    private final ManualLater debounce = new ManualLater();
    private final ContactListViewModel list = new ContactListViewModel(client, new OpenConversations(), new ManualLater());
    private final SearchViewModel vm = new SearchViewModel(client.directory(), list, debounce);

    private static DirectoryEntry entry(String user, String name) {
        return new DirectoryEntry(ContactKind.USER, ContactCard.of("sip:" + user + "@x.test", name));
    }

    private List<String> directoryNames() {
        return list.rows().stream().filter(r -> r instanceof ContactRow.Entry e
                && e.section() == ContactRow.Section.DIRECTORY).map(r -> ((ContactRow.Entry) r).item().name()).toList();
    }

    @Test
    void typingFiltersAtOnceAndSearchesTheDirectoryOnceWhenTypingPauses() {
        client.directory = q -> CompletableFuture.completedFuture(new DirectoryPage(q, 0, 20, 1,
                List.of(entry("dave", "Dave Directory"))));
        for (String prefix : new String[]{"d", "da", "dav", "dave"}) {
            vm.queryProperty().set(prefix);
        }
        assertThat(list.filterProperty().get()).isEqualTo("dave");
        assertThat(vm.searchCount()).isZero();
        debounce.elapse();
        assertThat(vm.searchCount()).isEqualTo(1);
        assertThat(client.calls).containsOnlyOnce("search dave");
        assertThat(directoryNames()).containsExactly("Dave Directory");
    }

    @Test
    void peopleAlreadyInMyListAreNotRepeatedAsResults() {
        list.accept(new ContactList(1, List.of(), List.of(new Contact("sip:dave@x.test", "Dave", ContactKind.USER,
                List.of(), false, null, null))));
        client.directory = q -> CompletableFuture.completedFuture(new DirectoryPage(q, 0, 20, 2,
                List.of(entry("dave", "Dave"), entry("davina", "Davina"))));
        vm.queryProperty().set("dav");
        debounce.elapse();
        assertThat(directoryNames()).containsExactly("Davina");
    }

    @Test
    void aLateAnswerToAnOlderQueryIsDropped() {
        CompletableFuture<DirectoryPage> slow = new CompletableFuture<>();
        client.directory = q -> q.equals("al") ? slow : CompletableFuture.completedFuture(
                new DirectoryPage(q, 0, 20, 1, List.of(entry("alice", "Alice"))));
        vm.queryProperty().set("al");
        debounce.elapse();
        vm.queryProperty().set("ali");
        debounce.elapse();
        slow.complete(new DirectoryPage("al", 0, 20, 1, List.of(entry("alan", "Alan"))));
        assertThat(directoryNames()).containsExactly("Alice");
    }

    @Test
    void escapeClearsTheFilterAndTheResults() {
        client.directory = q -> CompletableFuture.completedFuture(new DirectoryPage(q, 0, 20, 1,
                List.of(entry("dave", "Dave"))));
        vm.queryProperty().set("dave");
        debounce.elapse();
        vm.clear();
        debounce.elapse();
        assertThat(list.filterProperty().get()).isEmpty();
        assertThat(directoryNames()).isEmpty();
        assertThat(list.rows()).noneMatch(r -> r.key().startsWith("directory"));
    }

    @Test
    void aOneLetterQueryOnlyFiltersTheList() {
        vm.queryProperty().set("a");
        debounce.elapse();
        assertThat(vm.searchCount()).isZero();
    }
}
