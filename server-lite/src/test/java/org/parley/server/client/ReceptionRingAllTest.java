package org.parley.server.client;

import static org.parley.server.testsupport.ToneMeter.secondsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.core.client.AudioDevices;
import org.parley.core.client.CallOptions;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.client.UcClient;
import org.parley.server.client.CallTest.Calls;
import org.parley.server.reception.ReceptionStore;
import org.parley.server.store.Database;
import org.parley.server.store.SqliteDialect;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

/**
 * The reception line's distribution {@code all} with real clients through a real server: every free attendant rings
 * at once, the first to answer gets the caller (the others stop ringing) and the caller hears them; an attendant in
 * a call is not rung; when everyone declines the caller goes back to the queue and is offered again.
 */
class ReceptionRingAllTest {
    private static final String RECEPTION = "sip:reception@" + TestServer.DOMAIN;
    private static final Map<String, Double> TONES = Map.of("alice", 697.0, "bob", 770.0, "carol", 852.0);
    private static final double CALLER_HZ = 1209;
    private static final List<String> ATTENDANTS = List.of("alice", "bob", "carol");

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob", "carol", "dave", "erin");
    @RegisterExtension
    final Clients clients = new Clients();

    private void ringAll(List<String> attendants) {
        ringAll(attendants, "30");
    }

    private void ringAll(List<String> attendants, String ringSeconds) {
        try (Database db = Database.open(parley.dataDir(), new SqliteDialect())) {
            ReceptionStore store = new ReceptionStore(db);
            store.set("distribution", "all");
            store.set("ring-seconds", ringSeconds);
            store.setAttendants(attendants);
        }
    }

    private UcClient attendant(String name) throws Exception {
        UcClient c = clients.signedIn(parley.server(), Transport.TCP, name);
        c.telephony().useDevices(new AudioDevices("tone:" + TONES.get(name),
                "file:" + clients.newDataDir().resolve(name + ".wav"), null));
        return c;
    }

    private static Call ringingFrom(Calls calls, String caller) throws InterruptedException {
        Call in = calls.incomingFrom(caller);
        assertThat(in.referredBy()).as("the call comes from the reception line").isEqualTo(RECEPTION);
        return in;
    }

    private static long offersFrom(Calls calls, String caller) {
        return calls.all.stream().filter(c -> c.direction() == Direction.INCOMING && c.peer().contains(caller))
                .map(Call::id).distinct().count();
    }

    @Test
    void allFreeAttendantsRingAndTheFirstToAnswerGetsTheCaller() throws Exception {
        ringAll(ATTENDANTS);
        UcClient alice = attendant("alice");
        UcClient bob = attendant("bob");
        UcClient carol = attendant("carol");
        Calls a = new Calls(alice);
        Calls b = new Calls(bob);
        Calls c = new Calls(carol);
        UcClient dave = clients.signedIn(parley.server(), Transport.TCP, "dave");
        Path heard = clients.newDataDir().resolve("dave.wav");
        dave.telephony().useDevices(new AudioDevices("tone:" + CALLER_HZ, "file:" + heard, null));
        Calls d = new Calls(dave);
        Call queued = d.await(dave.telephony().call("reception", CallOptions.NONE).id(), State.CONNECTED);

        Call atAlice = ringingFrom(a, "dave");
        Call atBob = ringingFrom(b, "dave");
        Call atCarol = ringingFrom(c, "dave");
        bob.telephony().answer(atBob.id()).get(10, TimeUnit.SECONDS);
        b.await(atBob.id(), State.CONNECTED);
        a.await(atAlice.id(), State.ENDED);
        c.await(atCarol.id(), State.ENDED);
        d.await(queued.id(), State.ENDED);
        Thread.sleep(2_000);
        bob.telephony().hangup(atBob.id()).get(10, TimeUnit.SECONDS);
        ReconnectTest.waitFor(() -> dave.telephony().calls().isEmpty(), 5_000);

        assertThat(a.latest(atAlice.id()).state()).as("alice stopped ringing").isEqualTo(State.ENDED);
        assertThat(c.latest(atCarol.id()).state()).as("carol stopped ringing").isEqualTo(State.ENDED);
        assertThat(secondsOf(heard, TONES.get("bob"))).as("the caller hears bob").isGreaterThan(1.2);
        assertThat(secondsOf(heard, TONES.get("alice")) + secondsOf(heard, TONES.get("carol")))
                .as("nobody else").isLessThan(0.3);
    }

    @Test
    void attendantInACallIsNotRung() throws Exception {
        ringAll(ATTENDANTS);
        UcClient alice = attendant("alice");
        UcClient bob = attendant("bob");
        UcClient carol = attendant("carol");
        Calls a = new Calls(alice);
        Calls b = new Calls(bob);
        Calls c = new Calls(carol);
        UcClient erin = clients.signedIn(parley.server(), Transport.TCP, "erin");
        Call toCarol = erin.telephony().call("carol", CallOptions.NONE);
        Call carolSide = c.incomingFrom("erin");
        carol.telephony().answer(carolSide.id()).get(10, TimeUnit.SECONDS);
        new Calls(erin).await(toCarol.id(), State.CONNECTED);
        Thread.sleep(500); // the call's detail record is written

        UcClient dave = clients.signedIn(parley.server(), Transport.TCP, "dave");
        Calls d = new Calls(dave);
        Call queued = d.await(dave.telephony().call("reception", CallOptions.NONE).id(), State.CONNECTED);
        Call atAlice = ringingFrom(a, "dave");
        ringingFrom(b, "dave");
        Thread.sleep(1_000);
        assertThat(offersFrom(c, "dave")).as("carol is in a call: not rung").isZero();
        alice.telephony().answer(atAlice.id()).get(10, TimeUnit.SECONDS);
        d.await(queued.id(), State.ENDED);
    }

    @Test
    void whenEveryoneDeclinesTheCallerGoesBackToTheQueueAndIsOfferedAgain() throws Exception {
        ringAll(ATTENDANTS);
        UcClient alice = attendant("alice");
        UcClient bob = attendant("bob");
        UcClient carol = attendant("carol");
        List<UcClient> all = List.of(alice, bob, carol);
        List<Calls> calls = List.of(new Calls(alice), new Calls(bob), new Calls(carol));
        UcClient dave = clients.signedIn(parley.server(), Transport.TCP, "dave");
        Calls d = new Calls(dave);
        Call queued = d.await(dave.telephony().call("reception", CallOptions.NONE).id(), State.CONNECTED);

        for (int i = 0; i < all.size(); i++) {
            Call ringing = ringingFrom(calls.get(i), "dave");
            all.get(i).telephony().decline(ringing.id()).get(10, TimeUnit.SECONDS);
            if (i < all.size() - 1) {
                Thread.sleep(300);
                Call next = calls.get(i + 1).latest(calls.get(i + 1).incomingFrom("dave").id());
                assertThat(next.state()).as("one decline does not stop the others ringing").isEqualTo(State.INCOMING);
            }
        }
        // back in the queue: the line rings all three again
        for (Calls cs : calls) {
            ReconnectTest.waitFor(() -> offersFrom(cs, "dave") == 2, 10_000);
            assertThat(offersFrom(cs, "dave")).as("offered twice").isEqualTo(2);
        }
        assertThat(d.latest(queued.id()).state()).as("the caller's leg to the line goes on").isNotEqualTo(State.ENDED);
    }

    @Test
    void attendantsWhoDoNotAnswerStopRingingAfterRingSecondsAndTheCallerIsOfferedAgain() throws Exception {
        ringAll(List.of("alice"), "5");
        UcClient alice = attendant("alice");
        Calls a = new Calls(alice);
        UcClient dave = clients.signedIn(parley.server(), Transport.TCP, "dave");
        Calls d = new Calls(dave);
        Call queued = d.await(dave.telephony().call("reception", CallOptions.NONE).id(), State.CONNECTED);

        Call first = ringingFrom(a, "dave");
        long rangAt = System.nanoTime();
        a.await(first.id(), State.ENDED);
        double rang = (System.nanoTime() - rangAt) / 1e9;
        assertThat(rang).as("alice rang for about ring-seconds (5 s)").isBetween(4.0, 8.0);
        ReconnectTest.waitFor(() -> offersFrom(a, "dave") >= 2, 10_000);
        assertThat(offersFrom(a, "dave")).as("the caller, back in the queue, is offered again").isGreaterThanOrEqualTo(2);
        // still on the line: connected while queued, held by its own client while it follows the new referral
        assertThat(d.latest(queued.id()).state()).as("the caller still waits on the line")
                .isIn(State.CONNECTED, State.HELD);
    }
}
