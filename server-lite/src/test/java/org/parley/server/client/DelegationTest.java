package org.parley.server.client;

import static org.parley.server.testsupport.ToneMeter.secondsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.core.client.AudioDevices;
import org.parley.core.client.CallOptions;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.DelegationService.RingMode;
import org.parley.core.client.DelegationService.Settings;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.EndReason;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.client.UcClient;
import org.parley.server.testsupport.TestServerExtension;

/**
 * Call delegation between real clients through a real server (docs/protocol.md, "Call delegation"): the four
 * topologies, the three ring modes, the manager told who answered, calls on behalf of a manager as the callee sees
 * them, and the server refusing a caller who is not (or no longer) a delegate.
 */
class DelegationTest {
    private static final String D = "@parley.test";
    private static final double DELEGATE_HZ = 697;
    private static final double CALLEE_HZ = 1209;

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("boss", "chief", "amy", "ben", "carl");
    @RegisterExtension
    final Clients clients = new Clients();

    private UcClient signIn(String user) throws Exception {
        return clients.signedIn(parley.server(), Transport.UDP, user);
    }

    private static void delegate(UcClient manager, RingMode mode, int delay, String... delegates) throws Exception {
        manager.delegation().setSettings(new Settings(List.of(delegates), mode, delay)).get(10, TimeUnit.SECONDS);
    }

    private static Call incomingFrom(CallTest.Calls calls, String caller) throws InterruptedException {
        return calls.incomingFrom(caller);
    }

    private static void assertNeverRings(CallTest.Calls calls, long millis) throws InterruptedException {
        Thread.sleep(millis);
        assertThat(calls.all).noneMatch(c -> c.direction() == Direction.INCOMING);
    }

    @Test
    void settingsAreStoredAsAorsAndDelegatesSeeTheirManagers() throws Exception {
        var boss = signIn("boss");
        var chief = signIn("chief");
        var amy = signIn("amy");
        delegate(boss, RingMode.AFTER_DELAY, 3, "amy", "sip:ben" + D);
        delegate(chief, RingMode.DELEGATES_ONLY, 0, "amy");

        Settings stored = boss.delegation().settings().get(10, TimeUnit.SECONDS);
        assertThat(stored.delegates()).containsExactly("sip:amy" + D, "sip:ben" + D);
        assertThat(stored.mode()).isEqualTo(RingMode.AFTER_DELAY);
        assertThat(stored.delaySeconds()).isEqualTo(3);
        assertThat(amy.delegation().managers().get(10, TimeUnit.SECONDS)).containsExactly("sip:boss" + D, "sip:chief" + D);
    }

    @Test
    void aDelegateIsToldAtOnceWhenAManagerAddsAndRemovesThem() throws Exception {
        var boss = signIn("boss");
        var amy = signIn("amy");
        var amyPhone = signIn("amy");
        List<String> told = new CopyOnWriteArrayList<>();
        amy.delegation().addManagersListener((manager, delegate) -> told.add(manager + " " + delegate));
        List<String> toldOnPhone = new CopyOnWriteArrayList<>();
        amyPhone.delegation().addManagersListener((manager, delegate) -> toldOnPhone.add(manager + " " + delegate));

        delegate(boss, RingMode.WITH_MANAGER, 0, "amy", "ben");
        ReconnectTest.waitFor(() -> told.size() == 1 && toldOnPhone.size() == 1, 10_000);
        assertThat(told).containsExactly("sip:boss" + D + " true");
        assertThat(amy.delegation().managers().get(10, TimeUnit.SECONDS)).containsExactly("sip:boss" + D);

        delegate(boss, RingMode.DELEGATES_ONLY, 0, "amy", "ben"); // same delegates: nobody is told
        delegate(boss, RingMode.WITH_MANAGER, 0, "ben");
        ReconnectTest.waitFor(() -> told.size() == 2 && toldOnPhone.size() == 2, 10_000);
        assertThat(told).containsExactly("sip:boss" + D + " true", "sip:boss" + D + " false");
        assertThat(toldOnPhone).containsExactly("sip:boss" + D + " true", "sip:boss" + D + " false");
        assertThat(amy.delegation().managers().get(10, TimeUnit.SECONDS)).isEmpty();
        // the notice is no instant message: nothing in the IM history
        assertThat(amy.history().conversation("sip:boss" + D, 10)).isEmpty();
    }

    @Test
    void delegatesMustBeOtherLocalUsers() throws Exception {
        var boss = signIn("boss");
        assertThatThrownBy(() -> delegate(boss, RingMode.WITH_MANAGER, 0, "boss"))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("own delegate");
        assertThatThrownBy(() -> delegate(boss, RingMode.WITH_MANAGER, 0, "nobody"))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("no user");
        assertThatThrownBy(() -> delegate(boss, RingMode.WITH_MANAGER, 0, "sip:amy@elsewhere.example"))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("only users of");
        assertThat(boss.delegation().settings().get(10, TimeUnit.SECONDS).delegates()).isEmpty();
    }

    @Test
    void oneManagerOneDelegateRingTogetherAndTheManagerIsToldWhoAnswered() throws Exception {
        var boss = signIn("boss");
        var bossPhone = signIn("boss");
        var amy = signIn("amy");
        var carl = signIn("carl");
        delegate(boss, RingMode.WITH_MANAGER, 0, "amy");
        List<String[]> answeredBy = new CopyOnWriteArrayList<>();
        boss.delegation().addAnsweredByListener((caller, delegate) -> answeredBy.add(new String[] {caller, delegate}));
        List<String> toldOnPhone = new CopyOnWriteArrayList<>();
        bossPhone.delegation().addAnsweredByListener((caller, delegate) -> toldOnPhone.add(delegate));
        CallTest.Calls b = new CallTest.Calls(boss);
        CallTest.Calls a = new CallTest.Calls(amy);
        CallTest.Calls c = new CallTest.Calls(carl);

        Call placed = carl.telephony().call("boss", CallOptions.NONE);
        Call atBoss = incomingFrom(b, "carl");
        Call atAmy = incomingFrom(a, "carl");
        assertThat(atBoss.onBehalfOf()).isNull();
        assertThat(atAmy.onBehalfOf()).isEqualTo("sip:boss" + D);

        amy.telephony().answer(atAmy.id()).get(10, TimeUnit.SECONDS);
        c.await(placed.id(), State.CONNECTED);
        a.await(atAmy.id(), State.CONNECTED);
        b.await(x -> x.id().equals(atBoss.id()) && x.state().isFinal());
        ReconnectTest.waitFor(() -> !answeredBy.isEmpty(), 10_000);
        assertThat(answeredBy.get(0)).containsExactly("sip:carl" + D, "sip:amy" + D);
        ReconnectTest.waitFor(() -> !toldOnPhone.isEmpty(), 10_000);
        assertThat(toldOnPhone).containsExactly("sip:amy" + D);
        // the notice is no instant message: nothing in the IM history
        assertThat(boss.history().conversation("sip:amy" + D, 10)).isEmpty();
        carl.telephony().hangup(placed.id()).get(10, TimeUnit.SECONDS);
        a.await(x -> x.id().equals(atAmy.id()) && x.state() == State.ENDED);
    }

    @Test
    void oneManagerManyDelegatesAllRingForTheManager() throws Exception {
        var boss = signIn("boss");
        var amy = signIn("amy");
        var ben = signIn("ben");
        var carl = signIn("carl");
        delegate(boss, RingMode.WITH_MANAGER, 0, "amy", "ben");
        CallTest.Calls b = new CallTest.Calls(boss);
        CallTest.Calls a = new CallTest.Calls(amy);
        CallTest.Calls n = new CallTest.Calls(ben);

        Call placed = carl.telephony().call("boss", CallOptions.NONE);
        incomingFrom(b, "carl");
        assertThat(incomingFrom(a, "carl").onBehalfOf()).isEqualTo("sip:boss" + D);
        assertThat(incomingFrom(n, "carl").onBehalfOf()).isEqualTo("sip:boss" + D);
        carl.telephony().hangup(placed.id()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void manyManagersOneDelegateSeesWhichManagerEachCallIsFor() throws Exception {
        var boss = signIn("boss");
        var chief = signIn("chief");
        var amy = signIn("amy");
        var carl = signIn("carl");
        var ben = signIn("ben");
        delegate(boss, RingMode.WITH_MANAGER, 0, "amy");
        delegate(chief, RingMode.WITH_MANAGER, 0, "amy");
        CallTest.Calls a = new CallTest.Calls(amy);

        Call toBoss = carl.telephony().call("boss", CallOptions.NONE);
        Call toChief = ben.telephony().call("chief", CallOptions.NONE);
        assertThat(incomingFrom(a, "carl").onBehalfOf()).isEqualTo("sip:boss" + D);
        assertThat(incomingFrom(a, "ben").onBehalfOf()).isEqualTo("sip:chief" + D);
        carl.telephony().hangup(toBoss.id()).get(10, TimeUnit.SECONDS);
        ben.telephony().hangup(toChief.id()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void manyManagersManyDelegatesRingOnlyForTheManagerCalled() throws Exception {
        var boss = signIn("boss");
        var chief = signIn("chief");
        var amy = signIn("amy");
        var ben = signIn("ben");
        var carl = signIn("carl");
        delegate(boss, RingMode.WITH_MANAGER, 0, "amy", "ben");
        delegate(chief, RingMode.WITH_MANAGER, 0, "amy", "ben");
        CallTest.Calls b = new CallTest.Calls(boss);
        CallTest.Calls ch = new CallTest.Calls(chief);
        CallTest.Calls a = new CallTest.Calls(amy);
        CallTest.Calls n = new CallTest.Calls(ben);

        Call placed = carl.telephony().call("chief", CallOptions.NONE);
        incomingFrom(ch, "carl");
        assertThat(incomingFrom(a, "carl").onBehalfOf()).isEqualTo("sip:chief" + D);
        assertThat(incomingFrom(n, "carl").onBehalfOf()).isEqualTo("sip:chief" + D);
        assertThat(b.all).noneMatch(x -> x.direction() == Direction.INCOMING);

        // ben answers for chief: amy's and chief's ringing stops
        Call atBen = n.incomingFrom("carl");
        ben.telephony().answer(atBen.id()).get(10, TimeUnit.SECONDS);
        Call atAmy = a.incomingFrom("carl");
        a.await(x -> x.id().equals(atAmy.id()) && x.state().isFinal());
        carl.telephony().hangup(placed.id()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void afterDelayTheDelegateRingsOnlyAfterTheManagerRangAlone() throws Exception {
        var boss = signIn("boss");
        var amy = signIn("amy");
        var carl = signIn("carl");
        delegate(boss, RingMode.AFTER_DELAY, 1, "amy");
        CallTest.Calls b = new CallTest.Calls(boss);
        CallTest.Calls a = new CallTest.Calls(amy);

        Call placed = carl.telephony().call("boss", CallOptions.NONE);
        incomingFrom(b, "carl");
        long bossRang = System.nanoTime();
        Call atAmy = incomingFrom(a, "carl");
        long delayMs = (System.nanoTime() - bossRang) / 1_000_000;
        assertThat(atAmy.onBehalfOf()).isEqualTo("sip:boss" + D);
        assertThat(delayMs).as("amy rang %d ms after boss", delayMs).isBetween(700L, 3_000L);
        carl.telephony().hangup(placed.id()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void delegatesOnlyLeavesTheManagersEndpointSilent() throws Exception {
        var boss = signIn("boss");
        var amy = signIn("amy");
        var carl = signIn("carl");
        delegate(boss, RingMode.DELEGATES_ONLY, 0, "amy");
        CallTest.Calls b = new CallTest.Calls(boss);
        CallTest.Calls a = new CallTest.Calls(amy);

        Call placed = carl.telephony().call("boss", CallOptions.NONE);
        assertThat(incomingFrom(a, "carl").onBehalfOf()).isEqualTo("sip:boss" + D);
        assertNeverRings(b, 700);
        carl.telephony().hangup(placed.id()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aCallOnBehalfOfTheManagerShowsTheCalleeTheManagerAndTheCalleeHearsTheDelegate() throws Exception {
        var boss = signIn("boss");
        var amy = signIn("amy");
        var carl = signIn("carl");
        amy.telephony().useDevices(new AudioDevices("tone:" + DELEGATE_HZ, "file:" + clients.newDataDir().resolve("amy.wav"), null));
        Path heard = clients.newDataDir().resolve("carl.wav");
        carl.telephony().useDevices(new AudioDevices("tone:" + CALLEE_HZ, "file:" + heard, null));
        delegate(boss, RingMode.WITH_MANAGER, 0, "amy");
        CallTest.Calls c = new CallTest.Calls(carl);
        CallTest.Calls a = new CallTest.Calls(amy);

        Call asBoss = amy.delegation().callOnBehalfOf("boss", "carl", true, CallOptions.NONE);
        assertThat(asBoss.onBehalfOf()).isEqualTo("sip:boss" + D);
        Call seen = c.await(x -> x.direction() == Direction.INCOMING && x.state() == State.INCOMING);
        assertThat(seen.peer()).isEqualTo("sip:boss" + D);
        assertThat(seen.onBehalfOf()).isEqualTo("sip:boss" + D);
        assertThat(seen.peerName()).contains(" on behalf of ");
        carl.telephony().answer(seen.id()).get(10, TimeUnit.SECONDS);
        a.await(asBoss.id(), State.CONNECTED);
        Thread.sleep(2_000);
        amy.telephony().hangup(asBoss.id()).get(10, TimeUnit.SECONDS);
        c.await(x -> x.id().equals(seen.id()) && x.state() == State.ENDED);
        assertThat(secondsOf(heard, DELEGATE_HZ)).as("carl hears amy on the call placed for boss").isGreaterThan(1.2);

        Call asAmy = amy.delegation().callOnBehalfOf("boss", "carl", false, CallOptions.NONE);
        Call second = c.await(x -> x.direction() == Direction.INCOMING && x.state() == State.INCOMING
                && !x.id().equals(seen.id()));
        assertThat(second.peer()).isEqualTo("sip:amy" + D);
        assertThat(second.onBehalfOf()).isEqualTo("sip:boss" + D);
        amy.telephony().hangup(asAmy.id()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aNonDelegateAndARemovedDelegateAreRefusedWith403() throws Exception {
        var boss = signIn("boss");
        var amy = signIn("amy");
        var ben = signIn("ben");
        var carl = signIn("carl");
        delegate(boss, RingMode.WITH_MANAGER, 0, "amy");
        CallTest.Calls n = new CallTest.Calls(ben);
        CallTest.Calls a = new CallTest.Calls(amy);
        CallTest.Calls c = new CallTest.Calls(carl);

        Call byBen = ben.delegation().callOnBehalfOf("boss", "carl", true, CallOptions.NONE);
        Call refused = n.await(x -> x.id().equals(byBen.id()) && x.state().isFinal());
        assertThat(refused.endReason()).isEqualTo(EndReason.FAILED);
        assertThat(refused.detail()).startsWith("403");

        delegate(boss, RingMode.WITH_MANAGER, 0, "ben");
        Call byAmy = amy.delegation().callOnBehalfOf("boss", "carl", false, CallOptions.NONE);
        Call removed = a.await(x -> x.id().equals(byAmy.id()) && x.state().isFinal());
        assertThat(removed.detail()).startsWith("403");
        assertThat(c.all).noneMatch(x -> x.direction() == Direction.INCOMING);
    }

    @Test
    void aCallPlacedForOneManagerIsTransferredStraightToAnotherManager() throws Exception {
        var boss = signIn("boss");
        var chief = signIn("chief");
        var amy = signIn("amy");
        var carl = signIn("carl");
        delegate(boss, RingMode.WITH_MANAGER, 0, "amy");
        delegate(chief, RingMode.WITH_MANAGER, 0, "amy");
        CallTest.Calls c = new CallTest.Calls(carl);
        CallTest.Calls a = new CallTest.Calls(amy);
        CallTest.Calls ch = new CallTest.Calls(chief);

        Call forBoss = amy.delegation().callOnBehalfOf("boss", "carl", false, CallOptions.NONE);
        Call atCarl = c.incoming();
        carl.telephony().answer(atCarl.id()).get(10, TimeUnit.SECONDS);
        a.await(forBoss.id(), State.CONNECTED);

        // completes once the transferred call is answered (RFC 3515 NOTIFY sipfrag 200)
        var transferred = amy.telephony().transfer(forBoss.id(), "chief");
        Call atChief = ch.incomingFrom("carl");
        // carl's transfer leg is carl's own call to chief (chief's delegate amy rings too, for chief)
        chief.telephony().answer(atChief.id()).get(10, TimeUnit.SECONDS);
        ch.await(atChief.id(), State.CONNECTED);
        transferred.get(10, TimeUnit.SECONDS);
        a.await(x -> x.id().equals(forBoss.id()) && x.state() == State.ENDED);
        assertThat(a.latest(forBoss.id()).endReason()).isEqualTo(EndReason.TRANSFERRED);
        chief.telephony().hangup(atChief.id()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aDelegateScreensTheCallAndTransfersItToTheManagerWhoseEndpointThenRings() throws Exception {
        var boss = signIn("boss");
        var amy = signIn("amy");
        var carl = signIn("carl");
        delegate(boss, RingMode.DELEGATES_ONLY, 0, "amy");
        CallTest.Calls b = new CallTest.Calls(boss);
        CallTest.Calls a = new CallTest.Calls(amy);

        Call placed = carl.telephony().call("boss", CallOptions.NONE);
        Call atAmy = a.incomingFrom("carl");
        amy.telephony().answer(atAmy.id()).get(10, TimeUnit.SECONDS);
        a.await(atAmy.id(), State.CONNECTED);

        var transferred = amy.telephony().transfer(atAmy.id(), "boss");
        Call atBoss = b.incomingFrom("carl");
        assertThat(atBoss.referredBy()).isEqualTo("sip:amy" + D);
        boss.telephony().answer(atBoss.id()).get(10, TimeUnit.SECONDS);
        transferred.get(10, TimeUnit.SECONDS);
        // the delegate was not rung again for the call she handed over
        assertThat(a.all).filteredOn(x -> x.direction() == Direction.INCOMING).extracting(Call::id).containsOnly(atAmy.id());
        boss.telephony().hangup(atBoss.id()).get(10, TimeUnit.SECONDS);
        assertThat(placed.onBehalfOf()).isNull();
    }
}
