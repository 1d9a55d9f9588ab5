package org.parley.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.PresenceService.PresenceListener;
import org.parley.core.model.ContactCard;
import org.parley.core.model.ContactList;
import org.parley.core.model.PresenceInfo;
import org.parley.core.model.PresenceState;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

class PresenceAndContactsTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");
    @RegisterExtension
    final Clients clients = new Clients();

    private static final String BOB = "sip:bob@" + TestServer.DOMAIN;

    @Test
    void aContactAddedOnOneDeviceRoamsAndItsPresenceChangesReachTheWatcherWithATaggedAlert() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.TCP, "alice");
        var aliceLaptop = clients.signedIn(parley.server(), Transport.UDP, "alice");
        var bob = clients.signedIn(parley.server(), Transport.UDP, "bob");
        List<ContactList> roamed = new CopyOnWriteArrayList<>();
        aliceLaptop.contacts().addListener(roamed::add);
        Map<String, PresenceInfo> seen = new ConcurrentHashMap<>();
        List<PresenceInfo> alerts = new CopyOnWriteArrayList<>();
        alice.presence().addListener(new PresenceListener() {
            @Override
            public void onPresence(String uri, PresenceInfo presence, ContactCard card) {
                seen.put(uri, presence);
            }

            @Override
            public void onTaggedContactChanged(String uri, PresenceInfo presence) {
                alerts.add(presence);
            }
        });

        ContactList list = alice.contacts().add("bob", null).get(10, TimeUnit.SECONDS);
        assertThat(list.contact(BOB)).isPresent();
        alice.contacts().setTagged(BOB, true).get(10, TimeUnit.SECONDS);
        ReconnectTest.waitFor(() -> aliceLaptop.contacts().current().contact(BOB).map(c -> c.tagged()).orElse(false), 10_000);
        assertThat(roamed).isNotEmpty();

        ReconnectTest.waitFor(() -> seen.containsKey(BOB) && seen.get(BOB).state() == PresenceState.AVAILABLE, 10_000);
        bob.presence().setState(PresenceState.BUSY).get(10, TimeUnit.SECONDS);
        bob.presence().setNote("In the lab").get(10, TimeUnit.SECONDS);
        ReconnectTest.waitFor(() -> seen.get(BOB).state() == PresenceState.BUSY
                && "In the lab".equals(seen.get(BOB).note()), 10_000);
        assertThat(alice.presence().of(BOB)).hasValueSatisfying(p -> assertThat(p.state()).isEqualTo(PresenceState.BUSY));
        assertThat(alerts).extracting(PresenceInfo::state).contains(PresenceState.BUSY);
        assertThat(bob.presence().own().state()).isEqualTo(PresenceState.BUSY);
    }

    @Test
    void directorySearchFindsUsersAndWatcherInfoListsWhoWatches() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.UDP, "alice");
        var bob = clients.signedIn(parley.server(), Transport.UDP, "bob");
        var page = alice.directory().search("bob", 0, 20).get(10, TimeUnit.SECONDS);
        assertThat(page.entries()).extracting(e -> e.card().uri()).contains(BOB);

        alice.presence().watch(BOB).get(10, TimeUnit.SECONDS);
        ReconnectTest.waitFor(() -> alice.presence().of(BOB).isPresent(), 10_000);
        ReconnectTest.waitFor(() -> {
            try {
                return bob.presence().watchers().get(5, TimeUnit.SECONDS).stream()
                        .anyMatch(w -> w.uri().equals("sip:alice@" + TestServer.DOMAIN));
            } catch (Exception e) {
                return false;
            }
        }, 10_000);
    }
}
