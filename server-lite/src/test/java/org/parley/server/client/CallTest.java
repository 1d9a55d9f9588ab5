package org.parley.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.client.CallOptions;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.EndReason;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.client.UcClient;
import org.parley.server.testsupport.TestServerExtension;

/**
 * Call signalling between two real clients through a real server: INVITE/180/200/ACK with SDP offer/answer, hold
 * and resume by re-INVITE, BYE, CANCEL, decline, two calls at once. The audio itself is checked in
 * {@link CallAudioTest}.
 */
class CallTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob", "carol");
    @RegisterExtension
    final Clients clients = new Clients();

    /** Every call event one client saw, in order. */
    static final class Calls {
        final List<Call> all = new CopyOnWriteArrayList<>();

        Calls(UcClient c) {
            c.telephony().addCallListener(all::add);
        }

        Call await(Predicate<Call> p) throws InterruptedException {
            ReconnectTest.waitFor(() -> all.stream().anyMatch(p), 10_000);
            return all.stream().filter(p).reduce((a, b) -> b).orElseThrow();
        }

        Call await(String id, State s) throws InterruptedException {
            return await(c -> c.id().equals(id) && c.state() == s);
        }

        /** The newest event of call {@code id}. */
        Call latest(String id) {
            return all.stream().filter(c -> c.id().equals(id)).reduce((x, y) -> y).orElseThrow();
        }

        Call incoming() throws InterruptedException {
            return await(c -> c.direction() == Direction.INCOMING && c.state() == State.INCOMING);
        }

        Call incomingFrom(String user) throws InterruptedException {
            return await(c -> c.direction() == Direction.INCOMING && c.state() == State.INCOMING && c.peer().contains(user));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"TLS", "UDP"})
    void aliceCallsBobWhoAnswersThenHoldResumeAndByeEndBoth(Transport transport) throws Exception {
        var alice = clients.signedIn(parley.server(), transport, "alice");
        var bob = clients.signedIn(parley.server(), transport, "bob");
        Calls a = new Calls(alice);
        Calls b = new Calls(bob);

        Call placed = alice.telephony().call("bob", CallOptions.NONE);
        assertThat(placed.state()).isEqualTo(State.DIALING);
        Call ringing = b.incoming();
        assertThat(ringing.peer()).contains("alice");
        a.await(placed.id(), State.RINGING);

        bob.telephony().answer(ringing.id()).get(10, TimeUnit.SECONDS);
        Call aliceSide = a.await(placed.id(), State.CONNECTED);
        Call bobSide = b.await(ringing.id(), State.CONNECTED);
        assertThat(aliceSide.codec()).isEqualTo("opus/48000").isEqualTo(bobSide.codec());
        assertThat(aliceSide.remoteRtpPort()).isEqualTo(bobSide.localRtpPort()).isPositive();
        assertThat(bobSide.remoteRtpPort()).isEqualTo(aliceSide.localRtpPort()).isPositive();

        assertThat(aliceSide.mediaDirection()).isEqualTo("sendrecv").isEqualTo(bobSide.mediaDirection());

        alice.telephony().hold(placed.id()).get(10, TimeUnit.SECONDS);
        assertThat(a.await(placed.id(), State.HELD).mediaDirection()).isEqualTo("sendonly");
        assertThat(b.await(ringing.id(), State.REMOTE_HELD).mediaDirection()).isEqualTo("recvonly");
        alice.telephony().resume(placed.id()).get(10, TimeUnit.SECONDS);
        ReconnectTest.waitFor(() -> a.latest(placed.id()).state() == State.CONNECTED, 10_000);
        ReconnectTest.waitFor(() -> b.latest(ringing.id()).state() == State.CONNECTED, 10_000);
        assertThat(b.latest(ringing.id()).mediaDirection()).isEqualTo("sendrecv");

        alice.telephony().hangup(placed.id()).get(10, TimeUnit.SECONDS);
        assertThat(a.await(placed.id(), State.ENDED).endReason()).isEqualTo(EndReason.LOCAL_HANGUP);
        assertThat(b.await(ringing.id(), State.ENDED).endReason()).isEqualTo(EndReason.REMOTE_HANGUP);
        assertThat(alice.telephony().calls()).isEmpty();
        ReconnectTest.waitFor(() -> bob.telephony().calls().isEmpty(), 5_000);
        assertThat(alice.history().calls(10)).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(org.parley.core.client.HistoryService.CallRecord.Outcome.ANSWERED);
            assertThat(r.direction()).isEqualTo(Direction.OUTGOING);
            assertThat(r.connected()).isNotNull().isBeforeOrEqualTo(r.ended());
        });
    }

    @Test
    void callerCancelsBeforeAnswerAndBothEndWithTheirReason() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.TLS, "alice");
        var bob = clients.signedIn(parley.server(), Transport.TLS, "bob");
        Calls a = new Calls(alice);
        Calls b = new Calls(bob);
        Call placed = alice.telephony().call("bob", CallOptions.NONE);
        Call incoming = b.incoming();
        a.await(placed.id(), State.RINGING);
        alice.telephony().hangup(placed.id()).get(10, TimeUnit.SECONDS);
        assertThat(a.await(placed.id(), State.ENDED).endReason()).isEqualTo(EndReason.LOCAL_HANGUP);
        assertThat(b.await(incoming.id(), State.ENDED).endReason()).isEqualTo(EndReason.CANCELLED);
        assertThat(bob.history().calls(10)).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(org.parley.core.client.HistoryService.CallRecord.Outcome.MISSED);
            assertThat(r.peer()).contains("alice");
        });
        assertThat(alice.history().calls(10)).extracting(r -> r.outcome())
                .containsExactly(org.parley.core.client.HistoryService.CallRecord.Outcome.UNANSWERED);
    }

    @Test
    void bobDeclinesAndAliceSeesDeclinedOrBusy() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.TLS, "alice");
        var bob = clients.signedIn(parley.server(), Transport.TLS, "bob");
        Calls a = new Calls(alice);
        Calls b = new Calls(bob);
        Call first = alice.telephony().call("bob", CallOptions.NONE);
        bob.telephony().decline(b.incoming().id()).get(10, TimeUnit.SECONDS);
        assertThat(a.await(first.id(), State.ENDED).endReason()).isEqualTo(EndReason.DECLINED);

        Call second = alice.telephony().call("bob", CallOptions.NONE);
        Call ring = b.await(c -> c.state() == State.INCOMING && b.all.stream()
                .noneMatch(x -> x.id().equals(c.id()) && x.state() == State.ENDED));
        bob.telephony().decline(ring.id(), true).get(10, TimeUnit.SECONDS);
        assertThat(a.await(second.id(), State.ENDED).endReason()).isEqualTo(EndReason.BUSY);
    }

    @Test
    void subjectAndHighPriorityReachTheCallee() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.TLS, "alice");
        var bob = clients.signedIn(parley.server(), Transport.TLS, "bob");
        Calls b = new Calls(bob);
        alice.telephony().call("bob", new CallOptions("Quarterly figures", true));
        Call incoming = b.incoming();
        assertThat(incoming.subject()).isEqualTo("Quarterly figures");
        assertThat(incoming.highPriority()).isTrue();
    }

    @Test
    void secondIncomingCallWhileConnectedIsPresentedAndAnsweringItHoldsTheFirst() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.TLS, "alice");
        var bob = clients.signedIn(parley.server(), Transport.TLS, "bob");
        var carol = clients.signedIn(parley.server(), Transport.TLS, "carol");
        Calls a = new Calls(alice);
        Calls b = new Calls(bob);
        Calls c = new Calls(carol);

        Call fromAlice = alice.telephony().call("bob", CallOptions.NONE);
        Call first = b.incomingFrom("alice");
        bob.telephony().answer(first.id()).get(10, TimeUnit.SECONDS);
        a.await(fromAlice.id(), State.CONNECTED);

        Call fromCarol = carol.telephony().call("bob", CallOptions.NONE);
        Call second = b.incomingFrom("carol");
        assertThat(bob.telephony().calls()).extracting(Call::id).contains(first.id(), second.id());
        bob.telephony().answer(second.id()).get(10, TimeUnit.SECONDS);

        b.await(first.id(), State.HELD);
        a.await(fromAlice.id(), State.REMOTE_HELD);
        b.await(second.id(), State.CONNECTED);
        c.await(fromCarol.id(), State.CONNECTED);
    }

    @Test
    void placingACallHoldsTheConnectedOne() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.TLS, "alice");
        var bob = clients.signedIn(parley.server(), Transport.TLS, "bob");
        var carol = clients.signedIn(parley.server(), Transport.TLS, "carol");
        Calls a = new Calls(alice);
        Calls b = new Calls(bob);
        Calls c = new Calls(carol);

        Call toBob = alice.telephony().call("bob", CallOptions.NONE);
        bob.telephony().answer(b.incomingFrom("alice").id()).get(10, TimeUnit.SECONDS);
        a.await(toBob.id(), State.CONNECTED);

        alice.telephony().call("carol", CallOptions.NONE);
        assertThat(a.await(toBob.id(), State.HELD).mediaDirection()).isEqualTo("sendonly");
        assertThat(c.incomingFrom("alice").state()).isEqualTo(State.INCOMING);
    }

    @Test
    void holdingACallTheOtherSideHoldsMakesItInactive() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.TLS, "alice");
        var bob = clients.signedIn(parley.server(), Transport.TLS, "bob");
        Calls a = new Calls(alice);
        Calls b = new Calls(bob);
        Call placed = alice.telephony().call("bob", CallOptions.NONE);
        Call incoming = b.incoming();
        bob.telephony().answer(incoming.id()).get(10, TimeUnit.SECONDS);
        a.await(placed.id(), State.CONNECTED);

        bob.telephony().hold(incoming.id()).get(10, TimeUnit.SECONDS);
        a.await(placed.id(), State.REMOTE_HELD);
        alice.telephony().hold(placed.id()).get(10, TimeUnit.SECONDS);
        assertThat(a.await(placed.id(), State.HELD).mediaDirection()).isEqualTo("inactive");
        ReconnectTest.waitFor(() -> "inactive".equals(b.latest(incoming.id()).mediaDirection()), 10_000);
        assertThat(b.latest(incoming.id()).state()).isEqualTo(State.HELD);
    }
}
