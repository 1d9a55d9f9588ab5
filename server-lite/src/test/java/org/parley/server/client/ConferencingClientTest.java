package org.parley.server.client;

import static org.parley.server.testsupport.ToneMeter.secondsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.core.client.AudioDevices;
import org.parley.core.client.CallOptions;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.ConferencingService.Conference;
import org.parley.core.client.ConferencingService.Member;
import org.parley.core.client.ConferencingService.Status;
import org.parley.core.client.DelegationService.RingMode;
import org.parley.core.client.DelegationService.Settings;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.EndReason;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.client.UcClient;
import org.parley.server.testsupport.TestServerExtension;

/**
 * Conferencing between real clients through the server's focus (docs/decisions/0024-conference-focus.md), the way
 * the Attendant console uses it: an attendant merges two calls and a third person called by name into one room;
 * everybody hears everybody else's tone and not their own; the attendant's roster lists everybody. A delegate
 * starts a conference for a manager, who is its organizer and joins it by its address.
 */
class ConferencingClientTest {
    private static final String D = "@parley.test";
    private static final double ALICE_HZ = 697;
    private static final double CARL_HZ = 852;
    private static final double BOB_HZ = 1209;
    private static final double DAVE_HZ = 1477;

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob", "carl", "dave", "boss", "amy");
    @RegisterExtension
    final Clients clients = new Clients();

    private record Party(String user, UcClient client, CallTest.Calls calls, Path heard) {
        String aor() {
            return "sip:" + user + D;
        }
    }

    private Party party(String user, double hz) throws Exception {
        UcClient c = clients.signedIn(parley.server(), Transport.UDP, user);
        c.telephony().useDevices(new AudioDevices("tone:" + hz, "none", null));
        return new Party(user, c, new CallTest.Calls(c), clients.newDataDir().resolve(user + "-heard.wav"));
    }

    /** From now on what arrives on a new call of {@code p} is recorded (the conference leg, not the calls before). */
    private static void recordNextCalls(Party p, double hz) {
        p.client().telephony().useDevices(new AudioDevices("tone:" + hz, "file:" + p.heard(), null));
    }

    /** Answers every call that rings at {@code p} (someone who picks up when the attendant calls). */
    private static void answersEveryCall(Party p) {
        p.client().telephony().addCallListener(c -> {
            if (c.direction() == Direction.INCOMING && c.state() == State.INCOMING) {
                p.client().telephony().answer(c.id());
            }
        });
    }

    /** {@code caller} calls {@code callee}, who answers; returns {callerSide, calleeSide} once both are connected. */
    private static Call[] connect(Party caller, Party callee) throws Exception {
        Call placed = caller.client().telephony().call(callee.user(), CallOptions.NONE);
        Call ringing = callee.calls().incomingFrom(caller.user());
        callee.client().telephony().answer(ringing.id()).get(10, TimeUnit.SECONDS);
        return new Call[] {caller.calls().await(placed.id(), State.CONNECTED),
                callee.calls().await(ringing.id(), State.CONNECTED)};
    }

    /** The call {@code p} has with the conference room (placed after a transfer or a join). */
    private static Call legOf(Party p) throws InterruptedException {
        return p.calls().await(c -> c.peer().contains("conf-") && c.state() == State.CONNECTED);
    }

    private static void hangUp(Party p, Call leg) throws Exception {
        p.client().telephony().hangup(leg.id()).get(10, TimeUnit.SECONDS);
        p.calls().await(leg.id(), State.ENDED);
    }

    private static final class Rosters {
        final List<Conference> seen = new CopyOnWriteArrayList<>();

        Rosters(UcClient c) {
            c.conferencing().addListener(seen::add);
        }

        Conference await(Predicate<Conference> p) throws InterruptedException {
            ReconnectTest.waitFor(() -> seen.stream().anyMatch(p), 15_000);
            return seen.stream().filter(p).reduce((a, b) -> b).orElseThrow();
        }
    }

    /** The connected members of {@code id} are exactly these people. */
    private static Predicate<Conference> everyoneConnected(String id, Party... people) {
        List<String> aors = java.util.Arrays.stream(people).map(Party::aor).sorted().toList();
        return c -> c.id().equals(id) && c.roster().stream().filter(m -> m.status() == Status.CONNECTED)
                .map(Member::aor).sorted().toList().equals(aors);
    }

    @Test
    void anAttendantMergesTwoCallsAndACalledUserIntoOneConferenceWhereEachHearsTheOthersButNotItself() throws Exception {
        Party alice = party("alice", ALICE_HZ);
        Party carl = party("carl", CARL_HZ);
        Party bob = party("bob", BOB_HZ);
        Party dave = party("dave", DAVE_HZ);
        answersEveryCall(dave);
        Call fromCarl = connect(carl, alice)[1];
        Call toBob = connect(alice, bob)[0];
        alice.calls().await(fromCarl.id(), State.HELD);
        recordNextCalls(carl, CARL_HZ);
        recordNextCalls(bob, BOB_HZ);
        recordNextCalls(dave, DAVE_HZ);
        recordNextCalls(alice, ALICE_HZ);
        Rosters rosters = new Rosters(alice.client());

        Conference started = alice.client().conferencing()
                .start(List.of(fromCarl.id(), toBob.id(), "dave"), null).get(45, TimeUnit.SECONDS);

        assertThat(started.uri()).matches("sip:conf-[a-z0-9]{12}@parley\\.test").contains(started.id());
        assertThat(started.onBehalfOf()).isNull();
        Conference full = rosters.await(everyoneConnected(started.id(), alice, carl, bob, dave));
        assertThat(full.organizer()).isEqualTo(alice.aor());
        assertThat(full.callId()).isEqualTo(started.callId());
        assertThat(alice.client().conferencing().conferences()).extracting(Conference::id).containsExactly(started.id());
        assertThat(alice.calls().await(fromCarl.id(), State.ENDED).endReason()).isEqualTo(EndReason.TRANSFERRED);
        assertThat(alice.calls().await(toBob.id(), State.ENDED).endReason()).isEqualTo(EndReason.TRANSFERRED);
        assertThat(alice.client().telephony().calls()).extracting(Call::id).containsExactly(started.callId());
        alice.calls().await(started.callId(), State.CONNECTED);
        ReconnectTest.waitFor(() -> alice.calls().latest(started.callId()).state() == State.CONNECTED, 5_000);
        Call carlLeg = legOf(carl);
        Call bobLeg = legOf(bob);
        Call daveLeg = legOf(dave);
        assertThat(carlLeg.referredBy()).isEqualTo(alice.aor());

        Thread.sleep(2_000);
        hangUp(carl, carlLeg);
        hangUp(bob, bobLeg);
        hangUp(dave, daveLeg);
        alice.client().conferencing().leave(started.id()).get(10, TimeUnit.SECONDS);
        alice.calls().await(started.callId(), State.ENDED);
        ReconnectTest.waitFor(() -> alice.client().conferencing().conferences().isEmpty(), 5_000);

        for (Party p : List.of(carl, bob, dave, alice)) {
            for (Party other : List.of(carl, bob, dave, alice)) {
                double hz = other == carl ? CARL_HZ : other == bob ? BOB_HZ : other == dave ? DAVE_HZ : ALICE_HZ;
                double seconds = secondsOf(p.heard(), hz, 0.05);
                if (other == p) {
                    assertThat(seconds).as(p.user() + " does not hear their own tone").isZero();
                } else {
                    assertThat(seconds).as(p.user() + " hears " + other.user()).isGreaterThanOrEqualTo(1.4);
                }
            }
        }
    }

    @Test
    void aDelegateStartsAConferenceForTheManagerWhoIsItsOrganizerAndJoinsItByAddress() throws Exception {
        Party boss = party("boss", ALICE_HZ);
        Party amy = party("amy", BOB_HZ);
        Party carl = party("carl", CARL_HZ);
        answersEveryCall(carl);
        boss.client().delegation().setSettings(new Settings(List.of("amy"), RingMode.WITH_MANAGER, 0))
                .get(10, TimeUnit.SECONDS);
        Rosters amys = new Rosters(amy.client());
        Rosters bosses = new Rosters(boss.client());

        Conference started = amy.client().conferencing().start(List.of("carl"), "boss").get(45, TimeUnit.SECONDS);

        assertThat(started.onBehalfOf()).isEqualTo(boss.aor());
        assertThat(started.organizer()).isEqualTo(boss.aor());
        assertThat(amy.calls().latest(started.callId()).onBehalfOf()).isEqualTo(boss.aor());
        assertThat(amys.await(everyoneConnected(started.id(), amy, carl)).organizer())
                .as("the focus names the manager as organizer").isEqualTo(boss.aor());

        Conference joined = boss.client().conferencing().join(started.uri()).get(20, TimeUnit.SECONDS);

        assertThat(joined.id()).isEqualTo(started.id());
        Conference bossView = bosses.await(everyoneConnected(started.id(), amy, carl, boss));
        assertThat(bossView.organizer()).isEqualTo(boss.aor());
        amys.await(everyoneConnected(started.id(), amy, carl, boss));

        amys.seen.clear();
        boss.client().conferencing().leave(started.id()).get(10, TimeUnit.SECONDS);
        ReconnectTest.waitFor(() -> boss.client().conferencing().conferences().isEmpty(), 5_000);
        amys.await(everyoneConnected(started.id(), amy, carl));
        hangUp(carl, legOf(carl));
        amy.client().conferencing().leave(started.id()).get(10, TimeUnit.SECONDS);
        ReconnectTest.waitFor(() -> amy.client().conferencing().conferences().isEmpty(), 5_000);
    }

    @Test
    void someoneWhoIsNotADelegateCannotStartAConferenceForTheManager() throws Exception {
        Party carl = party("carl", CARL_HZ);

        assertThatThrownBy(() -> carl.client().conferencing().start(List.of(), "boss").get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
        ReconnectTest.waitFor(() -> carl.client().conferencing().conferences().isEmpty(), 5_000);
        assertThat(carl.calls().await(c -> c.peer().contains("conf-") && c.state() == State.ENDED).endReason())
                .isNotEqualTo(EndReason.LOCAL_HANGUP);
    }

    @Test
    void joiningSomethingThatIsNoConferenceIsRefusedAtOnce() throws Exception {
        Party carl = party("carl", CARL_HZ);

        assertThatThrownBy(() -> carl.client().conferencing().join("sip:bob" + D).get(5, TimeUnit.SECONDS))
                .hasMessageContaining("not a conference address");
        assertThat(carl.client().telephony().calls()).isEmpty();
    }
}
