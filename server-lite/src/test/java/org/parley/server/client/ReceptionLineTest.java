package org.parley.server.client;

import static org.parley.server.testsupport.ToneMeter.secondsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.core.client.AudioDevices;
import org.parley.core.client.CallOptions;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.client.UcClient;
import org.parley.core.sip.DigestAlgorithm;
import org.parley.server.client.CallTest.Calls;
import org.parley.server.reception.ReceptionStore;
import org.parley.server.store.Database;
import org.parley.server.store.SqliteDialect;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.SipTestClient;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

/**
 * The reception line with real clients through a real server: callers queue in arrival order, the free attendant
 * is picked first-in-order or longest-idle, a caller overflows after the set seconds, a repeat caller is marked on
 * the INVITE the attendant gets, and the caller hears the hold tone, then the attendant.
 */
class ReceptionLineTest {
    private static final String RECEPTION = "sip:reception@" + TestServer.DOMAIN;
    private static final double HOLD_HZ = 425;
    private static final double ATTENDANT_HZ = 697;
    private static final double CALLER_HZ = 1209;

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob", "carol", "dave", "erin");
    @RegisterExtension
    final Clients clients = new Clients();

    /** Changes the line's settings in the server's store (as `parley admin reception` does; read within a second). */
    private void configure(List<String> attendants, String... nameValues) {
        try (Database db = Database.open(parley.dataDir(), new SqliteDialect())) {
            ReceptionStore store = new ReceptionStore(db);
            for (int i = 0; i < nameValues.length; i += 2) {
                store.set(nameValues[i], nameValues[i + 1]);
            }
            store.setAttendants(attendants);
        }
    }

    private List<Integer> repeatsOf(String user) {
        try (Database db = Database.open(parley.dataDir(), new SqliteDialect())) {
            return new ReceptionStore(db).repeats("sip:" + user + "@" + TestServer.DOMAIN);
        }
    }

    /** {@code caller} calls the line and is answered by it (queued). */
    private static Call callReception(UcClient caller, Calls calls) throws Exception {
        Call placed = caller.telephony().call("reception", CallOptions.NONE);
        return calls.await(placed.id(), State.CONNECTED);
    }

    /** The attendant answers the next call from {@code callerName} (referred by the line); returns it connected. */
    private static Call answerFrom(UcClient attendant, Calls calls, String callerName) throws Exception {
        Call in = calls.await(c -> c.direction() == Direction.INCOMING && c.state() == State.INCOMING
                && c.peer().contains(callerName));
        assertThat(in.referredBy()).as("the call comes from the reception line").isEqualTo(RECEPTION);
        attendant.telephony().answer(in.id()).get(10, TimeUnit.SECONDS);
        return calls.await(in.id(), State.CONNECTED);
    }

    @Test
    void threeCallersWithOneAttendantAreAnsweredInArrivalOrder() throws Exception {
        configure(List.of("alice"));
        UcClient alice = clients.signedIn(parley.server(), Transport.TCP, "alice");
        Calls a = new Calls(alice);
        List<String> answered = new ArrayList<>();
        List<String> callers = List.of("bob", "carol", "dave");
        for (String name : callers) {
            UcClient caller = clients.signedIn(parley.server(), Transport.TCP, name);
            callReception(caller, new Calls(caller));
            Thread.sleep(300);
        }
        for (int i = 0; i < callers.size(); i++) {
            Call in = a.await(c -> c.direction() == Direction.INCOMING && c.state() == State.INCOMING
                    && answered.stream().noneMatch(n -> c.peer().contains(n)));
            answered.add(callers.stream().filter(n -> in.peer().contains(n)).findFirst().orElseThrow());
            alice.telephony().answer(in.id()).get(10, TimeUnit.SECONDS);
            a.await(in.id(), State.CONNECTED);
            Thread.sleep(300);
            alice.telephony().hangup(in.id()).get(10, TimeUnit.SECONDS);
        }
        assertThat(answered).containsExactly("bob", "carol", "dave");
    }

    /** Alice and bob attend; alice just had a caller, so the next one goes to bob (longest idle) or alice (in order). */
    @ParameterizedTest
    @ValueSource(strings = {"longest-idle", "in-order"})
    void nextCallerGoesToTheLongestIdleOrTheFirstFreeAttendant(String distribution) throws Exception {
        configure(List.of("alice", "bob"), "distribution", distribution);
        UcClient alice = clients.signedIn(parley.server(), Transport.TCP, "alice");
        UcClient bob = clients.signedIn(parley.server(), Transport.TCP, "bob");
        Calls a = new Calls(alice);
        Calls b = new Calls(bob);
        UcClient carol = clients.signedIn(parley.server(), Transport.TCP, "carol");
        callReception(carol, new Calls(carol));
        Call first = answerFrom(alice, a, "carol");
        assertThat(b.all).as("one attendant rings at a time").noneMatch(c -> c.direction() == Direction.INCOMING);
        alice.telephony().hangup(first.id()).get(10, TimeUnit.SECONDS);
        Thread.sleep(3_500); // alice is free again (her call ended, the connect grace passed)

        UcClient dave = clients.signedIn(parley.server(), Transport.TCP, "dave");
        callReception(dave, new Calls(dave));
        if (distribution.equals("longest-idle")) {
            answerFrom(bob, b, "dave");
            assertThat(a.all).noneMatch(c -> c.peer().contains("dave"));
        } else {
            answerFrom(alice, a, "dave");
            assertThat(b.all).noneMatch(c -> c.peer().contains("dave"));
        }
    }

    @Test
    void callerDeclinedByOneAttendantGoesBackToTheQueueAndReachesTheNext() throws Exception {
        configure(List.of("alice", "bob"), "distribution", "in-order");
        UcClient alice = clients.signedIn(parley.server(), Transport.TCP, "alice");
        UcClient bob = clients.signedIn(parley.server(), Transport.TCP, "bob");
        Calls a = new Calls(alice);
        Calls b = new Calls(bob);
        UcClient carol = clients.signedIn(parley.server(), Transport.TCP, "carol");
        Calls c = new Calls(carol);
        Call queued = callReception(carol, c);
        Call atAlice = a.await(x -> x.direction() == Direction.INCOMING && x.state() == State.INCOMING
                && x.peer().contains("carol"));
        alice.telephony().decline(atAlice.id()).get(10, TimeUnit.SECONDS);

        answerFrom(bob, b, "carol");
        c.await(queued.id(), State.ENDED);
        assertThat(a.all.stream().filter(x -> x.direction() == Direction.INCOMING).map(Call::id).distinct().count())
                .as("alice was offered carol once").isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "voicemail"})
    void callerOverflowsToTheTargetAfterTheSetSeconds(String kind) throws Exception {
        configure(List.of("alice"), "overflow-seconds", "2", "overflow-target", kind + ":carol"); // alice is not signed in
        UcClient bob = clients.signedIn(parley.server(), Transport.TCP, "bob");
        Calls b = new Calls(bob);
        Call queued = callReception(bob, b);
        long t0 = System.nanoTime();
        if (kind.equals("user")) {
            UcClient carol = clients.signedIn(parley.server(), Transport.TCP, "carol");
            Call at = answerFrom(carol, new Calls(carol), "bob");
            assertThat(at.state()).isEqualTo(State.CONNECTED);
        } else {
            Call toVoicemail = b.await(c -> c.direction() == Direction.OUTGOING && c.state() == State.CONNECTED
                    && c.peer().contains("voicemail"));
            assertThat(toVoicemail.referredBy()).isEqualTo(RECEPTION);
            ReconnectTest.waitFor(() -> parley.server().voicemail().calls().activeCalls() == 1, 5_000);
            assertThat(parley.server().voicemail().calls().activeCalls()).isEqualTo(1);
        }
        double waited = (System.nanoTime() - t0) / 1e9;
        assertThat(waited).as("seconds in the queue before overflowing").isBetween(1.5, 6.0);
        b.await(queued.id(), State.ENDED);
    }

    @Test
    void repeatCallerIsCountedAndMarkedOnTheInviteToTheAttendant() throws Exception {
        configure(List.of(), "repeat-minutes", "60");
        UcClient bob = clients.signedIn(parley.server(), Transport.TCP, "bob");
        Calls b = new Calls(bob);
        Call first = callReception(bob, b);
        Thread.sleep(500);
        // generous: as the first call of a JVM it also waits for the media engines to start on a loaded machine
        bob.telephony().hangup(first.id()).get(30, TimeUnit.SECONDS);
        b.await(first.id(), State.ENDED);
        callReception(bob, b);
        assertThat(repeatsOf("bob")).containsExactly(1, 2);

        try (SipTestClient alice = new SipTestClient(SipTestClient.Transport.TCP, "127.0.0.1", parley.server().sipPort(),
                "alice", TestServer.DOMAIN)) {
            assertThat(alice.registerWithDigest(TestServer.password("alice"), 60, DigestAlgorithm.MD5).status()).isEqualTo(200);
            configure(List.of("alice"));
            SipMessage invite = alice.expectRequest("INVITE", Duration.ofSeconds(10));
            assertThat(invite).as("the line referred bob to alice").isNotNull();
            assertThat(invite.header("from")).contains("bob");
            assertThat(invite.header("referred-by")).contains(RECEPTION).contains("repeat=2");
        }
        assertThat(repeatsOf("carol")).isEmpty();
    }

    @Test
    void callerHearsTheHoldToneThenTheAttendant() throws Exception {
        configure(List.of());
        UcClient bob = clients.signedIn(parley.server(), Transport.TCP, "bob");
        Calls b = new Calls(bob);
        Path held = clients.newDataDir().resolve("held.wav");
        bob.telephony().useDevices(new AudioDevices("tone:" + CALLER_HZ, "file:" + held, null));
        Call queued = callReception(bob, b);
        Thread.sleep(2_000);
        Path talked = clients.newDataDir().resolve("talked.wav");
        bob.telephony().useDevices(new AudioDevices("tone:" + CALLER_HZ, "file:" + talked, null));
        UcClient alice = clients.signedIn(parley.server(), Transport.TCP, "alice");
        alice.telephony().useDevices(new AudioDevices("tone:" + ATTENDANT_HZ, "file:" + clients.newDataDir().resolve("a.wav"), null));
        Calls a = new Calls(alice);
        configure(List.of("alice"));
        Call at = answerFrom(alice, a, "bob");
        b.await(queued.id(), State.ENDED);
        Thread.sleep(2_000);
        alice.telephony().hangup(at.id()).get(10, TimeUnit.SECONDS);
        ReconnectTest.waitFor(() -> bob.telephony().calls().isEmpty(), 5_000);

        assertThat(secondsOf(held, HOLD_HZ)).as("hold tone heard while queued").isGreaterThan(1.0);
        assertThat(secondsOf(talked, ATTENDANT_HZ)).as("the attendant heard after connection").isGreaterThan(1.2);
        assertThat(secondsOf(talked, HOLD_HZ)).as("no hold tone once connected").isLessThan(0.5);
    }
}
