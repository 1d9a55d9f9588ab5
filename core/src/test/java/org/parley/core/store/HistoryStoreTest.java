package org.parley.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.model.InstantMessage;
import org.parley.core.model.InstantMessage.Delivery;

class HistoryStoreTest {
    @TempDir
    Path dir;

    private static InstantMessage msg(String from, String to, String text, int minute, Delivery d) {
        return new InstantMessage(null, from, to, null, "text/plain", text,
                Instant.parse("2026-11-21T10:00:00Z").plusSeconds(60L * minute), d, null, false);
    }

    @Test
    void conversationIsOldestFirstAmongTheNewestAndSearchIsCaseInsensitiveNewestFirst() {
        try (ClientStore store = ClientStore.open(dir)) {
            HistoryStore h = new HistoryStore(store);
            h.add("sip:bob@d", msg("sip:alice@d", "sip:bob@d", "Lunch?", 1, Delivery.PENDING));
            h.add("sip:bob@d", msg("sip:bob@d", "sip:alice@d", "Yes, LUNCH at noon", 2, Delivery.RECEIVED));
            h.add("sip:bob@d", msg("sip:alice@d", "sip:bob@d", "great", 3, Delivery.DELIVERED));
            h.add("sip:carol@d", msg("sip:carol@d", "sip:alice@d", "lunch tomorrow? 100%", 4, Delivery.RECEIVED_OFFLINE));

            assertThat(h.conversation("SIP:BOB@D", 2)).extracting(InstantMessage::text).containsExactly("Yes, LUNCH at noon", "great");
            assertThat(h.search("lunch", 10)).extracting(InstantMessage::text)
                    .containsExactly("lunch tomorrow? 100%", "Yes, LUNCH at noon", "Lunch?");
            assertThat(h.search("100%", 10)).hasSize(1);
            assertThat(h.search("0%", 10)).as("% is matched literally").hasSize(1);
            assertThat(h.search("_", 10)).as("_ is matched literally").isEmpty();
        }
    }

    @Test
    void deliveryUpdatesAndMessagesSurviveReopening() {
        String id;
        try (ClientStore store = ClientStore.open(dir)) {
            id = new HistoryStore(store).add("sip:bob@d", msg("sip:alice@d", "sip:bob@d", "hi", 1, Delivery.PENDING)).id();
            new HistoryStore(store).setDelivery(id, Delivery.STORED);
        }
        try (ClientStore store = ClientStore.open(dir)) {
            InstantMessage m = new HistoryStore(store).conversation("sip:bob@d", 5).get(0);
            assertThat(m.id()).isEqualTo(id);
            assertThat(m.delivery()).isEqualTo(Delivery.STORED);
            assertThat(m.sentAt()).isEqualTo(Instant.parse("2026-11-21T10:01:00Z"));
        }
    }

    @Test
    void recentContactsKeepTheTenNewestNewestFirst() {
        try (ClientStore store = ClientStore.open(dir)) {
            RecentContacts r = new RecentContacts(store);
            for (int i = 0; i < 12; i++) {
                r.touch("sip:u" + i + "@d", Instant.parse("2026-11-21T10:00:00Z").plusSeconds(i));
            }
            r.touch("sip:u3@d", Instant.parse("2026-11-21T11:00:00Z"));
            assertThat(r.list()).hasSize(10).startsWith("sip:u3@d", "sip:u11@d", "sip:u10@d")
                    .endsWith("sip:u2@d").doesNotContain("sip:u0@d", "sip:u1@d");
        }
    }
}
