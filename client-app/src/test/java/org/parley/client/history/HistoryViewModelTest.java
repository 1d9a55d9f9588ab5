package org.parley.client.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.client.history.HistoryViewModel.ConversationItem;
import org.parley.client.history.HistoryViewModel.KindFilter;
import org.parley.client.history.HistoryViewModel.MessageItem;
import org.parley.core.model.InstantMessage;
import org.parley.core.model.InstantMessage.Delivery;
import org.parley.core.store.ClientStore;
import org.parley.core.store.HistoryStore;

/** The history browser's state over a real local history store (SQLite in a temporary directory). */
class HistoryViewModelTest {
    static final String ME = "sip:alice@parley.test";
    static final String BOB = "sip:bob@parley.test";
    static final String CAROL = "sip:carol@parley.test";
    static final String ROOM = "sip:conf-1@parley.test";
    static final ZoneId ZONE = ZoneOffset.UTC;
    static final Map<String, String> NAMES = Map.of(BOB, "Bob Baker", CAROL, "Carol Chen");

    @TempDir
    Path dir;
    ClientStore store;
    HistoryStore history;
    HistoryViewModel vm;

    @BeforeEach
    void seed() {
        store = ClientStore.open(dir);
        history = new HistoryStore(store);
        add(BOB, ME, BOB, null, "text/plain", "Lunch at noon?", "2026-03-02T11:00:00Z", Delivery.DELIVERED);
        add(BOB, BOB, ME, null, "text/html", "<b>Yes</b>, see you <i>there</i>", "2026-03-02T11:01:00Z", Delivery.RECEIVED);
        add(CAROL, CAROL, ME, null, "text/plain", "The invoice is ready", "2026-03-05T09:30:00Z", Delivery.RECEIVED);
        add(ROOM, BOB, ROOM, ROOM, "text/plain", "Budget meeting moved", "2026-03-06T15:00:00Z", Delivery.RECEIVED);
        add(BOB, ME, BOB, null, "text/plain", "Invoice sent", "2026-03-07T08:00:00Z", Delivery.STORED);
        vm = new HistoryViewModel(history, ME, NAMES::get, ZONE);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void add(String peer, String from, String to, String session, String type, String text, String at,
                     Delivery delivery) {
        history.add(peer, new InstantMessage(null, from, to, session, type, text, Instant.parse(at), delivery, null,
                false));
    }

    private List<String> peers() {
        return vm.conversations().stream().map(ConversationItem::peer).toList();
    }

    @Test
    void listsEveryConversationNewestFirstWithNameLastTextAndCount() {
        vm.refresh();
        assertEquals(List.of(BOB, ROOM, CAROL), peers());
        ConversationItem bob = vm.conversations().get(0);
        assertEquals("Bob Baker", bob.name());
        assertEquals("Invoice sent", bob.lastText());
        assertEquals(3, bob.count());
        assertEquals(Instant.parse("2026-03-07T08:00:00Z"), bob.lastAt());
        assertEquals("conf-1@parley.test", vm.conversations().get(1).name(), "no contact name: the address");
        assertEquals("3 conversations", vm.statusProperty().get());
    }

    @Test
    void choosingAConversationShowsItsMessagesOldestFirstAsPlainText() {
        vm.refresh();
        vm.select(BOB);
        List<MessageItem> shown = vm.messages();
        assertEquals(List.of("Lunch at noon?", "Yes, see you there", "Invoice sent"),
                shown.stream().map(MessageItem::text).toList());
        assertTrue(shown.get(0).outgoing());
        assertEquals("You", shown.get(0).fromName());
        assertFalse(shown.get(1).outgoing());
        assertEquals("Bob Baker", shown.get(1).fromName());
        assertEquals(Delivery.STORED, shown.get(2).delivery());
        assertEquals(HistoryViewModel.Kind.IM, shown.get(0).kind());
        assertTrue(vm.statusProperty().get().endsWith("3 messages with Bob Baker"), vm.statusProperty().get());
    }

    @Test
    void textSearchNarrowsConversationsAndMessagesIgnoringCaseAndMarkup() {
        vm.refresh();
        vm.textProperty().set("INVOICE");
        assertEquals(List.of(BOB, CAROL), peers());
        assertEquals(1, vm.conversations().get(0).count(), "the count is of the matches");
        vm.select(BOB);
        assertEquals(List.of("Invoice sent"), vm.messages().stream().map(MessageItem::text).toList());
        vm.textProperty().set("see you there");
        assertEquals(List.of(BOB), peers(), "HTML is searched on its text");
        assertEquals(List.of("Yes, see you there"), vm.messages().stream().map(MessageItem::text).toList(),
                "the chosen conversation stays chosen while it matches");
    }

    @Test
    void participantMatchesDisplayNameOrAddress() {
        vm.refresh();
        vm.participantProperty().set("carol chen");
        assertEquals(List.of(CAROL), peers());
        vm.participantProperty().set("bob@");
        assertEquals(List.of(BOB, ROOM), peers(), "bob's messages in the multiparty session match too");
        vm.select(BOB);
        assertEquals(3, vm.messages().size(), "the 1:1 conversation shows only its own messages");
    }

    @Test
    void dateRangeIsInclusiveWholeDays() {
        vm.refresh();
        vm.fromDateProperty().set(LocalDate.of(2026, 3, 5));
        vm.toDateProperty().set(LocalDate.of(2026, 3, 6));
        assertEquals(List.of(ROOM, CAROL), peers());
        vm.fromDateProperty().set(null);
        vm.toDateProperty().set(LocalDate.of(2026, 3, 2));
        assertEquals(List.of(BOB), peers());
        assertEquals(2, vm.conversations().get(0).count());
    }

    @Test
    void criteriaCombineAndClearingShowsEverythingAgain() {
        vm.refresh();
        vm.participantProperty().set("bob");
        vm.textProperty().set("budget");
        assertEquals(List.of(ROOM), peers());
        vm.textProperty().set("nothing like this");
        assertTrue(vm.conversations().isEmpty());
        assertEquals("Nothing matches the search", vm.statusProperty().get());
        vm.clearFilters();
        assertFalse(vm.filtering());
        assertEquals(List.of(BOB, ROOM, CAROL), peers());
    }

    @Test
    void kindFilterKeepsInstantMessages() {
        vm.refresh();
        vm.kindProperty().set(KindFilter.IM);
        assertEquals(3, vm.conversations().size());
        assertTrue(vm.filtering());
    }

    @Test
    void aConversationThatNoLongerMatchesIsUnselected() {
        vm.refresh();
        vm.select(CAROL);
        assertEquals(CAROL, vm.selectedProperty().get().peer());
        vm.textProperty().set("lunch");
        assertNull(vm.selectedProperty().get());
        assertTrue(vm.messages().isEmpty());
    }

    @Test
    void emptyHistorySaysSo() {
        try (ClientStore other = ClientStore.open(dir.resolve("other"))) {
            HistoryViewModel empty = new HistoryViewModel(new HistoryStore(other), ME, u -> null, ZONE);
            empty.refresh();
            assertTrue(empty.conversations().isEmpty());
            assertEquals("No conversations yet", empty.statusProperty().get());
        }
    }
}
