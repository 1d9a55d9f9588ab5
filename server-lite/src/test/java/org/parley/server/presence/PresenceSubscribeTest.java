package org.parley.server.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.Availability;
import org.parley.core.model.ContactCard;
import org.parley.core.model.DeviceKind;
import org.parley.core.model.PresenceInfo;
import org.parley.core.model.PresenceState;
import org.parley.core.model.Visibility;
import org.parley.core.presence.PidfCodec;
import org.parley.core.presence.Rlmi;
import org.parley.core.presence.WatcherInfoCodec;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.SipTestClient.Transport;

/**
 * SUBSCRIBE/NOTIFY presence end to end over real SIP: what each access level sees, resource lists (RFC 4662) and
 * watcher info (RFC 3857). Access levels and contact lists come from {@link InMemoryContacts}.
 */
class PresenceSubscribeTest {
    private static final String ALICE = "sip:alice@parley.test";
    private static final String BOB = "sip:bob@parley.test";
    private static final String EVENTLIST = "Supported: eventlist\n"
            + "Accept: application/pidf+xml, application/rlmi+xml, multipart/related\n";

    @RegisterExtension
    final PresenceServer parley = new PresenceServer();

    private static final PresenceInfo RICH = new PresenceInfo(null, PresenceState.IN_A_MEETING, "Working from home",
            "Back at 3", "Home", List.of(), Instant.parse("2026-11-21T08:30:00Z"));

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void publishThenSubscribeSeesStateAndLaterChanges(Transport transport) throws IOException {
        try (PresenceClient alice = parley.client(transport, "alice"); PresenceClient bob = parley.client(transport, "bob")) {
            String etag = alice.publishOk(RICH, true, "desk", DeviceKind.DESKTOP);
            PresenceClient.Dialog d = bob.subscribe("alice", "presence", 600, "");
            assertThat(d.response().status()).isEqualTo(200);
            PidfCodec.Decoded first = PresenceClient.pidfOf(bob.nextNotify());
            assertThat(first.entity()).isEqualTo(ALICE);
            assertThat(first.presence().state()).isEqualTo(PresenceState.IN_A_MEETING);
            assertThat(first.presence().note()).as("Company (same domain default) sees the note").isEqualTo("Back at 3");
            assertThat(first.presence().location()).as("Company does not see the location").isNull();

            SipMessage modified = alice.publish("alice", "presence", 600, etag, PidfCodec.CONTENT_TYPE,
                    alice.pidf(PresenceInfo.of(PresenceState.BE_RIGHT_BACK), true, "desk", DeviceKind.DESKTOP));
            assertThat(modified.status()).isEqualTo(200);
            SipMessage next = bob.nextNotify();
            assertThat(next.header("subscription-state")).startsWith("active");
            assertThat(PresenceClient.pidfOf(next).presence().state()).isEqualTo(PresenceState.BE_RIGHT_BACK);
        }
    }

    @ParameterizedTest
    @EnumSource(AccessLevel.class)
    void eachAccessLevelSeesExactlyItsFieldsInARealNotify(AccessLevel level) throws IOException {
        parley.contacts.setLevel("alice", BOB, level);
        try (PresenceClient alice = parley.client(Transport.UDP, "alice"); PresenceClient bob = parley.client(Transport.UDP, "bob")) {
            alice.publishOk(RICH, true, "desk", DeviceKind.DESKTOP);
            assertThat(bob.subscribe("alice", "presence", 600, "").response().status()).isEqualTo(200);
            SipMessage notify = bob.nextNotify();
            PidfCodec.Decoded seen = PresenceClient.pidfOf(notify);
            PresenceInfo full = parley.server().presence().presenceOf("alice");
            ContactCard card = new ContactCard(ALICE, "Alice Test", "Alice's title", "parley.test", "Dept Alice",
                    "alice@mail.test", "+1 555 0150", "+1 555 0250", "+1 555 0350");
            assertThat(seen.presence()).isEqualTo(Visibility.presence(full, level));
            assertThat(seen.card()).isEqualTo(Visibility.card(card, level));

            String xml = notify.body();
            assertThat(xml).contains("Alice Test");
            check(xml, "Alice's title", level.atLeast(AccessLevel.PUBLIC));
            check(xml, "alice@mail.test", level.atLeast(AccessLevel.PUBLIC));
            check(xml, "Back at 3", level.atLeast(AccessLevel.COMPANY));
            check(xml, "Working from home", level.atLeast(AccessLevel.COMPANY));
            check(xml, "in-a-meeting", level.atLeast(AccessLevel.COMPANY));
            check(xml, "+1 555 0150", level.atLeast(AccessLevel.COMPANY));
            check(xml, "+1 555 0250", level.atLeast(AccessLevel.TEAM));
            check(xml, "<pp:location>Home", level.atLeast(AccessLevel.TEAM));
            check(xml, "desktop", level.atLeast(AccessLevel.TEAM));
            check(xml, "+1 555 0350", level == AccessLevel.PERSONAL);
            if (level == AccessLevel.BLOCKED) {
                assertThat(xml).contains("<basic>closed</basic>");
                assertThat(seen.presence().availability()).isEqualTo(Availability.OFFLINE);
                assertThat(seen.card()).isEqualTo(ContactCard.of(ALICE, "Alice Test"));
            } else {
                assertThat(xml).contains("<basic>open</basic>");
                assertThat(seen.presence().availability()).isEqualTo(Availability.BUSY);
            }
            if (level == AccessLevel.PUBLIC) {
                assertThat(seen.presence().state()).isEqualTo(PresenceState.BUSY);
            }
        }
    }

    private static void check(String xml, String fragment, boolean visible) {
        if (visible) {
            assertThat(xml).contains(fragment);
        } else {
            assertThat(xml).doesNotContain(fragment);
        }
    }

    @Test
    void changingTheAccessLevelResendsTheNotify() throws IOException {
        try (PresenceClient alice = parley.client(Transport.UDP, "alice"); PresenceClient bob = parley.client(Transport.UDP, "bob")) {
            alice.publishOk(RICH, true, "desk", DeviceKind.DESKTOP);
            bob.subscribe("alice", "presence", 600, "");
            assertThat(PresenceClient.pidfOf(bob.nextNotify()).presence().note()).isEqualTo("Back at 3");
            parley.contacts.setLevel("alice", BOB, AccessLevel.BLOCKED);
            PidfCodec.Decoded after = PresenceClient.pidfOf(bob.nextNotify());
            assertThat(after.presence().state()).isEqualTo(PresenceState.OFFLINE);
            assertThat(after.presence().note()).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void resourceListSendsFullStateThenOnlyChangedResources(Transport transport) throws IOException {
        parley.contacts.setList("alice", BOB, "sip:carol@parley.test", "sip:zed@elsewhere.test");
        try (PresenceClient alice = parley.client(transport, "alice"); PresenceClient bob = parley.client(transport, "bob");
             PresenceClient carol = parley.client(transport, "carol")) {
            carol.publishOk(PresenceInfo.of(PresenceState.AWAY), false, "c", DeviceKind.MOBILE);
            PresenceClient.Dialog d = alice.subscribe("alice~contacts", "presence", 600, EVENTLIST);
            assertThat(d.response().status()).as(d.response().raw()).isEqualTo(200);
            SipMessage first = alice.nextNotify();
            assertThat(first.header("content-type")).startsWith("multipart/related").contains("application/rlmi+xml");
            Rlmi.Parsed full = rlmi(first);
            assertThat(full.fullState()).isTrue();
            assertThat(full.listUri()).isEqualTo("sip:alice~contacts@parley.test");
            assertThat(full.pidfByUri()).containsOnlyKeys(BOB, "sip:carol@parley.test");
            assertThat(full.names()).containsEntry(BOB, "Bob Test").doesNotContainKey("sip:zed@elsewhere.test");
            assertThat(PidfCodec.decode(full.pidfByUri().get(BOB)).presence().state()).isEqualTo(PresenceState.OFFLINE);
            assertThat(PidfCodec.decode(full.pidfByUri().get("sip:carol@parley.test")).presence().state())
                    .isEqualTo(PresenceState.AWAY);

            bob.publishOk(PresenceInfo.of(PresenceState.AVAILABLE), false, "b", DeviceKind.DESKTOP);
            Rlmi.Parsed partial = rlmi(alice.nextNotify());
            assertThat(partial.fullState()).isFalse();
            assertThat(partial.version()).isEqualTo(full.version() + 1);
            assertThat(partial.pidfByUri()).containsOnlyKeys(BOB);
            assertThat(PidfCodec.decode(partial.pidfByUri().get(BOB)).presence().state()).isEqualTo(PresenceState.AVAILABLE);

            parley.contacts.setList("alice", BOB, "sip:carol@parley.test", "sip:dave@parley.test");
            Rlmi.Parsed changedList = rlmi(alice.nextNotify());
            assertThat(changedList.fullState()).as("a list change re-sends the full state").isTrue();
            assertThat(changedList.version()).isEqualTo(partial.version() + 1);
            assertThat(changedList.pidfByUri()).containsOnlyKeys(BOB, "sip:carol@parley.test", "sip:dave@parley.test");
        }
    }

    @Test
    void aLongListSendsEveryResourceInTheFullStateAndTheirStatesInDatagramSizedBatches() throws IOException {
        int n = PresencePackage.BATCH * 2 + 25;
        String[] members = new String[n];
        for (int i = 0; i < n; i++) {
            String u = "member" + i;
            parley.server().users().add(new org.parley.server.users.UserProfile(u, "Member " + i, null, null, null, null,
                    null, null), org.parley.server.users.UserCredentials.fromPassword(u, parley.server().domain(), "pw"));
            members[i] = "sip:" + u + "@parley.test";
        }
        parley.contacts.setList("alice", members);
        try (PresenceClient alice = parley.client(Transport.UDP, "alice")) {
            assertThat(alice.subscribe("alice~contacts", "presence", 600, EVENTLIST).response().status()).isEqualTo(200);
            SipMessage firstNotify = alice.nextNotify();
            Rlmi.Parsed full = rlmi(firstNotify);
            assertThat(full.fullState()).isTrue();
            assertThat(full.names()).as("a full state names every resource").hasSize(n);
            assertThat(full.pidfByUri()).hasSize(PresencePackage.BATCH);
            assertThat(firstNotify.raw().length()).as("fits a UDP datagram").isLessThan(60_000);

            java.util.Set<String> stated = new java.util.HashSet<>(full.pidfByUri().keySet());
            int version = full.version();
            while (stated.size() < n) {
                Rlmi.Parsed partial = rlmi(alice.nextNotify());
                assertThat(partial.fullState()).isFalse();
                assertThat(partial.version()).isEqualTo(++version);
                assertThat(partial.pidfByUri()).isNotEmpty().hasSizeLessThanOrEqualTo(PresencePackage.BATCH);
                assertThat(stated).doesNotContainAnyElementsOf(partial.pidfByUri().keySet());
                stated.addAll(partial.pidfByUri().keySet());
            }
            assertThat(stated).containsExactlyInAnyOrder(members);
            assertThat(version - full.version()).isEqualTo(2);
        }
    }

    private static Rlmi.Parsed rlmi(SipMessage notify) {
        return Rlmi.parse(notify.header("content-type"), notify.body().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void resourceListWithoutEventlistGets421AndSomeoneElsesListGets403() throws IOException {
        try (PresenceClient alice = parley.client(Transport.UDP, "alice"); PresenceClient bob = parley.client(Transport.UDP, "bob")) {
            SipMessage r = alice.subscribe("alice~contacts", "presence", 600, "").response();
            assertThat(r.status()).isEqualTo(421);
            assertThat(r.header("require")).isEqualTo("eventlist");
            assertThat(bob.subscribe("alice~contacts", "presence", 600, EVENTLIST).response().status()).isEqualTo(403);
            assertThat(bob.subscribe("nobody~contacts", "presence", 600, EVENTLIST).response().status()).isEqualTo(404);
        }
    }

    @Test
    void watcherInfoShowsANewWatcherAndItsDeparture() throws IOException {
        try (PresenceClient alice = parley.client(Transport.UDP, "alice"); PresenceClient bob = parley.client(Transport.UDP, "bob")) {
            assertThat(bob.subscribe("alice", "presence.winfo", 600, "").response().status())
                    .as("only alice sees her watchers").isEqualTo(403);
            assertThat(alice.subscribe("alice", "presence.winfo", 600, "").response().status()).isEqualTo(200);
            SipMessage first = alice.nextNotify();
            assertThat(first.header("content-type")).startsWith(WatcherInfoCodec.CONTENT_TYPE);
            WatcherInfoCodec.Document empty = winfo(first);
            assertThat(empty.full()).isTrue();
            assertThat(empty.lists().get(0).resource()).isEqualTo(ALICE);
            assertThat(empty.lists().get(0).watchers()).isEmpty();

            PresenceClient.Dialog d = bob.subscribe("alice", "presence", 600, "");
            bob.nextNotify();
            WatcherInfoCodec.Document withBob = winfo(alice.nextNotify());
            assertThat(withBob.version()).isGreaterThan(empty.version());
            assertThat(withBob.lists().get(0).watchers()).singleElement()
                    .satisfies(w -> {
                        assertThat(w.uri()).isEqualTo(BOB);
                        assertThat(w.status()).isEqualTo("active");
                        assertThat(w.event()).isEqualTo("subscribe");
                    });

            bob.unsubscribe(d, "presence");
            WatcherInfoCodec.Document gone = winfo(alice.notifyUntil(n -> !winfo(n).lists().get(0).watchers().isEmpty()
                    && winfo(n).lists().get(0).watchers().stream().allMatch(w -> "terminated".equals(w.status()))));
            assertThat(gone.lists().get(0).watchers()).singleElement().satisfies(w -> assertThat(w.uri()).isEqualTo(BOB));
        }
    }

    @Test
    void watcherInfoCountsWatchersThroughAResourceList() throws IOException {
        parley.contacts.setList("bob", ALICE);
        try (PresenceClient alice = parley.client(Transport.UDP, "alice"); PresenceClient bob = parley.client(Transport.UDP, "bob")) {
            alice.subscribe("alice", "presence.winfo", 600, "");
            alice.nextNotify();
            assertThat(bob.subscribe("bob~contacts", "presence", 600, EVENTLIST).response().status()).isEqualTo(200);
            SipMessage n = alice.notifyUntil(m -> !winfo(m).lists().get(0).watchers().isEmpty());
            assertThat(winfo(n).lists().get(0).watchers()).extracting(WatcherInfoCodec.Watcher::uri).containsExactly(BOB);
        }
    }

    private static WatcherInfoCodec.Document winfo(SipMessage notify) {
        return WatcherInfoCodec.parse(notify.body().getBytes(StandardCharsets.UTF_8));
    }
}
