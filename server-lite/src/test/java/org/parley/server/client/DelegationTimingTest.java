package org.parley.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.core.client.CallForwarding;
import org.parley.core.client.CallOptions;
import org.parley.core.client.CallTarget;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.DelegationService.RingMode;
import org.parley.core.client.DelegationService.Settings;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.client.UcClient;
import org.parley.core.sip.DigestAlgorithm;
import org.parley.server.testsupport.SipTestClient;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

/**
 * The timers of a delegated call through a real server (docs/protocol.md, "Call delegation"): with AFTER_DELAY the
 * delegates join after N s and the manager's "unanswered after M s" rule, counted from the first ring, then takes the
 * call from everyone; a manager whose only device fails has the delegates rung at once instead of after the delay.
 */
class DelegationTimingTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("boss", "amy", "carol", "zoe");
    @RegisterExtension
    final Clients clients = new Clients();

    private UcClient signIn(String user) throws Exception {
        return clients.signedIn(parley.server(), Transport.TCP, user);
    }

    private static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    @Test
    void delegatesJoinAfterTheDelayAndTheUnansweredTargetTakesTheCallAtItsSeconds() throws Exception {
        UcClient boss = signIn("boss");
        UcClient amy = signIn("amy");
        UcClient carol = signIn("carol");
        UcClient zoe = signIn("zoe");
        boss.delegation().setSettings(new Settings(List.of("amy"), RingMode.AFTER_DELAY, 2)).get(10, TimeUnit.SECONDS);
        boss.telephony().setForwarding(new CallForwarding(CallForwarding.Mode.OFF, CallTarget.NONE, null, false, List.of(),
                5, CallTarget.user("carol"))).get(10, TimeUnit.SECONDS);
        CallTest.Calls b = new CallTest.Calls(boss);
        CallTest.Calls a = new CallTest.Calls(amy);
        CallTest.Calls c = new CallTest.Calls(carol);
        CallTest.Calls z = new CallTest.Calls(zoe);

        long t0 = System.nanoTime();
        Call placed = zoe.telephony().call("boss", CallOptions.NONE);
        Call atBoss = b.incomingFrom("zoe");
        double bossRang = secondsSince(t0);
        Call atAmy = a.incomingFrom("zoe");
        double amyRang = secondsSince(t0);
        Call atCarol = c.incomingFrom("zoe");
        double carolRang = secondsSince(t0);
        b.await(atBoss.id(), State.ENDED);
        a.await(atAmy.id(), State.ENDED);
        carol.telephony().answer(atCarol.id()).get(10, TimeUnit.SECONDS);
        z.await(placed.id(), State.CONNECTED);

        assertThat(amyRang - bossRang).as("the delegate rings after the delay").isBetween(1.5, 4.0);
        assertThat(carolRang - bossRang).as("the unanswered target after the rule's seconds").isBetween(4.5, 7.5);
        zoe.telephony().hangup(placed.id()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void managerWhoseOnlyDeviceFailsHasTheDelegatesRungAtOnce() throws Exception {
        UcClient bossSetUp = signIn("boss");
        bossSetUp.delegation().setSettings(new Settings(List.of("amy"), RingMode.AFTER_DELAY, 15)).get(10, TimeUnit.SECONDS);
        bossSetUp.signOut().get(10, TimeUnit.SECONDS);
        // boss's only binding is now a TCP device that has gone away: its branch fails at once
        try (SipTestClient gone = new SipTestClient(SipTestClient.Transport.TCP, "127.0.0.1", parley.server().sipPort(),
                "boss", TestServer.DOMAIN)) {
            assertThat(gone.registerWithDigest(TestServer.password("boss"), 300, DigestAlgorithm.MD5).status()).isEqualTo(200);
        }
        UcClient amy = signIn("amy");
        UcClient zoe = signIn("zoe");
        CallTest.Calls a = new CallTest.Calls(amy);
        CallTest.Calls z = new CallTest.Calls(zoe);

        long t0 = System.nanoTime();
        Call placed = zoe.telephony().call("boss", CallOptions.NONE);
        Call atAmy = a.incomingFrom("zoe");
        assertThat(secondsSince(t0)).as("amy rings long before the 15 s delay").isLessThan(8.0);
        amy.telephony().answer(atAmy.id()).get(10, TimeUnit.SECONDS);
        z.await(placed.id(), State.CONNECTED);
        zoe.telephony().hangup(placed.id()).get(10, TimeUnit.SECONDS);
    }
}
