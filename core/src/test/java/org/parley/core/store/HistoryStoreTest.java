package org.parley.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.client.HistoryQuery;
import org.parley.core.client.HistoryService.ConversationSummary;
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

    private static Instant at(int minute) {
        return Instant.parse("2026-11-21T10:00:00Z").plusSeconds(60L * minute);
    }

    private static InstantMessage html(String from, String to, String text, int minute) {
        return new InstantMessage(null, from, to, null, "text/html", text, at(minute), Delivery.RECEIVED, null, false);
    }

    /** alice's history: bob (3), carol (1, HTML), a session (2), dave (1, long ago). */
    private static HistoryStore aliceHistory(ClientStore store) {
        HistoryStore h = new HistoryStore(store);
        h.add("sip:bob@d", msg("sip:alice@d", "sip:bob@d", "Lunch?", 1, Delivery.DELIVERED));
        h.add("sip:bob@d", msg("sip:bob@d", "sip:alice@d", "Yes, LUNCH at noon", 2, Delivery.RECEIVED));
        h.add("sip:carol@d", html("sip:carol@d", "sip:alice@d", "<b>Budget</b> &amp; <span style=\"color:red\">plan</span>", 3));
        h.add("sip:chat~abc@d", new InstantMessage(null, "sip:dave@d", "sip:chat~abc@d", "sip:chat~abc@d", "text/plain",
                "standup in 5", at(4), Delivery.RECEIVED, null, false));
        h.add("sip:chat~abc@d", new InstantMessage(null, "sip:alice@d", "sip:chat~abc@d", "sip:chat~abc@d", "text/plain",
                "coming", at(5), Delivery.DELIVERED, null, false));
        h.add("sip:bob@d", msg("sip:alice@d", "sip:bob@d", "see you", 6, Delivery.DELIVERED));
        h.add("sip:dave@d", msg("sip:dave@d", "sip:alice@d", "old news", -60 * 24 * 30, Delivery.RECEIVED));
        return h;
    }

    @Test
    void findMatchesAParticipantExactlyOrAsASubstringIgnoringCaseNewestFirst() {
        try (ClientStore store = ClientStore.open(dir)) {
            HistoryStore h = aliceHistory(store);
            assertThat(h.find(new HistoryQuery("SIP:BOB@D", null, null, null, 0))).extracting(InstantMessage::text)
                    .containsExactly("see you", "Yes, LUNCH at noon", "Lunch?");
            assertThat(h.find(new HistoryQuery("dav", null, null, null, 0))).as("dave wrote in the session and 1:1")
                    .extracting(InstantMessage::text).containsExactly("standup in 5", "old news");
            assertThat(h.find(new HistoryQuery("chat~ABC", null, null, null, 0))).extracting(InstantMessage::text)
                    .containsExactly("coming", "standup in 5");
            assertThat(h.find(new HistoryQuery("b_b", null, null, null, 0))).as("_ is literal").isEmpty();
            assertThat(h.find(new HistoryQuery("nobody", null, null, null, 0))).isEmpty();
        }
    }

    @Test
    void findCombinesDateRangeTextAndLimit() {
        try (ClientStore store = ClientStore.open(dir)) {
            HistoryStore h = aliceHistory(store);
            assertThat(h.find(new HistoryQuery(null, at(2), at(5), null, 0))).as("from inclusive, to exclusive")
                    .extracting(InstantMessage::text).containsExactly("standup in 5",
                            "<b>Budget</b> &amp; <span style=\"color:red\">plan</span>", "Yes, LUNCH at noon");
            assertThat(h.find(new HistoryQuery(null, at(0), null, null, 2))).extracting(InstantMessage::text)
                    .containsExactly("see you", "coming");
            assertThat(h.find(new HistoryQuery("bob", at(0), at(10), "lunch", 1))).extracting(InstantMessage::text)
                    .containsExactly("Yes, LUNCH at noon");
            assertThat(h.find(new HistoryQuery(null, null, at(0), null, 10))).extracting(InstantMessage::text)
                    .containsExactly("old news");
        }
    }

    @Test
    void textMatchesWhatTheReaderSeesOfHtmlNotItsMarkup() {
        try (ClientStore store = ClientStore.open(dir)) {
            HistoryStore h = aliceHistory(store);
            assertThat(h.find(new HistoryQuery(null, null, null, "budget & plan", 10))).hasSize(1);
            assertThat(h.find(new HistoryQuery(null, null, null, "span", 10))).as("tag names are not text").isEmpty();
            assertThat(h.find(new HistoryQuery(null, null, null, "color", 10))).as("styles are not text").isEmpty();
            assertThat(h.search("BUDGET", 10)).hasSize(1);
        }
    }

    @Test
    void textSearchFoldsCaseBeyondAscii() {
        try (ClientStore store = ClientStore.open(dir)) {
            HistoryStore h = new HistoryStore(store);
            h.add("sip:bob@d", msg("sip:bob@d", "sip:alice@d", "ÉTÉ à Zürich", 1, Delivery.RECEIVED));
            assertThat(h.find(new HistoryQuery(null, null, null, "été", 10))).hasSize(1);
            assertThat(h.find(new HistoryQuery(null, null, null, "zürich", 10))).hasSize(1);
        }
    }

    @Test
    void conversationsListEachPeerOnceNewestFirstWithPlainLastTextAndCount() {
        try (ClientStore store = ClientStore.open(dir)) {
            HistoryStore h = aliceHistory(store);
            assertThat(h.conversations(10)).containsExactly(
                    new ConversationSummary("sip:bob@d", at(6), "see you", 3),
                    new ConversationSummary("sip:chat~abc@d", at(5), "coming", 2),
                    new ConversationSummary("sip:carol@d", at(3), "Budget & plan", 1),
                    new ConversationSummary("sip:dave@d", at(-60 * 24 * 30), "old news", 1));
            assertThat(h.conversations(2)).extracting(ConversationSummary::peer)
                    .containsExactly("sip:bob@d", "sip:chat~abc@d");
        }
    }

    @Test
    void subjectAndHighPriorityAreKept() {
        String id;
        try (ClientStore store = ClientStore.open(dir)) {
            id = new HistoryStore(store).add("sip:bob@d", new InstantMessage(null, "sip:alice@d", "sip:bob@d", null,
                    "text/plain", "server down", at(1), Delivery.PENDING, "Outage", true)).id();
        }
        try (ClientStore store = ClientStore.open(dir)) {
            InstantMessage m = new HistoryStore(store).find(new HistoryQuery("bob", null, null, null, 1)).get(0);
            assertThat(m.id()).isEqualTo(id);
            assertThat(m.subject()).isEqualTo("Outage");
            assertThat(m.highPriority()).isTrue();
        }
    }

    @Test
    void aHistoryFromBeforeSubjectsIsMigratedAndItsMessagesHaveNone() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve(ClientStore.FILE_NAME).toAbsolutePath();
        Flyway.configure(getClass().getClassLoader()).dataSource(url, null, null)
                .locations("classpath:db/migration/client").target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO im_message (peer, from_uri, to_uri, session, content_type, body, sent_at,"
                    + " delivery) VALUES ('sip:bob@d', 'sip:bob@d', 'sip:alice@d', NULL, 'text/plain', 'from v1', 1000,"
                    + " 'RECEIVED')");
        }
        try (ClientStore store = ClientStore.open(dir)) {
            InstantMessage m = new HistoryStore(store).conversation("sip:bob@d", 5).get(0);
            assertThat(m.text()).isEqualTo("from v1");
            assertThat(m.subject()).isNull();
            assertThat(m.highPriority()).isFalse();
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
