package org.parley.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.core.client.CallForwarding;
import org.parley.core.client.CallForwarding.Mode;
import org.parley.core.client.CallOptions;
import org.parley.core.client.CallTarget;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.EndReason;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.client.UcClient;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.PresenceState;
import org.parley.server.cdr.CallDetails;
import org.parley.server.cdr.CallRecord;
import org.parley.server.store.Database;
import org.parley.server.store.SqliteDialect;
import org.parley.server.testsupport.SipMessage;

/**
 * Every forwarding and DND rule, one row each: alice calls bob, whose rules (set through his own client over SERVICE)
 * and presence decide who rings, who answers, whether voicemail takes the call and what alice ends with; the call
 * detail record is checked too. Real clients and a real server on loopback; voicemail and the number gateway are
 * stand-ins ({@link RoutingServer}). {@code -Drouting.case=TEXT} runs only the rows whose name contains TEXT.
 */
class CallRoutingTest {
    @RegisterExtension
    final RoutingServer parley = new RoutingServer();
    @RegisterExtension
    final Clients clients = new Clients();

    private static final Set<String> ALL_MAILBOXES = Set.of("alice", "bob", "carol", "dave");
    private static final String CAROLS_NUMBER = "+1 555 0100";
    /** Generous: each client starts its audio engine and SRTP on the first call, on a loaded 2-core CI machine. */
    private static final long WAIT_MS = 30_000;

    /** The newest event of {@code calls} matching {@code p}, waiting up to {@link #WAIT_MS}. */
    private static Call await(CallTest.Calls calls, java.util.function.Predicate<Call> p) throws InterruptedException {
        ReconnectTest.waitFor(() -> calls.all.stream().anyMatch(p), WAIT_MS);
        return calls.all.stream().filter(p).reduce((a, b) -> b).orElseThrow();
    }

    /** What one row sets up before alice calls bob. */
    record Setup(Map<String, CallForwarding> rules, boolean bobOnline, boolean bobDnd, AccessLevel aliceAtBob,
                 Set<String> mailboxes) {
        static Setup of(CallForwarding bobRules) {
            return new Setup(bobRules == null ? Map.of() : Map.of("bob", bobRules), true, false, null, ALL_MAILBOXES);
        }

        Setup also(String user, CallForwarding r) {
            Map<String, CallForwarding> m = new HashMap<>(rules);
            m.put(user, r);
            return new Setup(m, bobOnline, bobDnd, aliceAtBob, mailboxes);
        }

        Setup offline() {
            return new Setup(rules, false, bobDnd, aliceAtBob, mailboxes);
        }

        Setup dnd(AccessLevel level) {
            return new Setup(rules, bobOnline, true, level, mailboxes);
        }

        Setup level(AccessLevel level) {
            return new Setup(rules, bobOnline, bobDnd, level, mailboxes);
        }

        Setup noMailboxes() {
            return new Setup(rules, bobOnline, bobDnd, aliceAtBob, Set.of());
        }
    }

    /**
     * What must happen: whose clients ring (every other signed-in client must not), who answers, which mailbox took
     * the call and why ("bob:dnd"), alice's end (CONNECTED or an EndReason), the number the gateway was asked for,
     * the shortest time from dialling to the answer or hand-over, and the call record's outcome and forwarding reason.
     */
    record Expect(Set<String> rings, String answerer, String voicemail, Object aliceEnds, String gatewayNumber,
                  long atLeastMillis, String cdrOutcome, String cdrReason) {
    }

    static CallForwarding forwardAll(CallTarget to) {
        return new CallForwarding(Mode.FORWARD_ALL, to, null, false, List.of(), 20, CallTarget.voicemail());
    }

    static CallForwarding unanswered(int seconds, CallTarget to) {
        return new CallForwarding(Mode.OFF, CallTarget.NONE, null, false, List.of(), seconds, to);
    }

    static Arguments row(String name, Setup setup, Expect expect) {
        return Arguments.of(Named.of(name, setup), expect);
    }

    static Stream<Arguments> rules() {
        String only = System.getProperty("routing.case");
        return all().filter(a -> only == null || ((Named<?>) a.get()[0]).getName().contains(only));
    }

    static Stream<Arguments> all() {
        return Stream.of(
                row("forward all to a user rings only that user", Setup.of(forwardAll(CallTarget.user("carol"))),
                        new Expect(Set.of("carol"), "carol", null, State.CONNECTED, null, 0, "answered", "forward-all")),
                row("forward all to a local user's number rings that user", Setup.of(forwardAll(CallTarget.number(CAROLS_NUMBER))),
                        new Expect(Set.of("carol"), "carol", null, State.CONNECTED, null, 0, "answered", "forward-all")),
                row("forward all to an outside number goes to the gateway", Setup.of(forwardAll(CallTarget.number("+44 20 7946 0000"))),
                        new Expect(Set.of(), null, null, EndReason.BUSY, "+442079460000", 0, "busy", "forward-all")),
                row("forward all to voicemail goes to the mailbox", Setup.of(forwardAll(CallTarget.voicemail())),
                        new Expect(Set.of(), null, "bob:forward-all", State.CONNECTED, null, 0, "voicemail", "forward-all")),
                row("simultaneous ring rings own devices, the extra number and the team",
                        Setup.of(new CallForwarding(Mode.SIMULTANEOUS_RING, CallTarget.NONE, CAROLS_NUMBER, true,
                                List.of("sip:dave@parley.test"), 20, CallTarget.voicemail())),
                        new Expect(Set.of("bob", "carol", "dave"), "dave", null, State.CONNECTED, null, 0, "answered",
                                "simultaneous-ring")),
                row("unanswered after 5 s goes to voicemail", Setup.of(unanswered(5, CallTarget.voicemail())),
                        new Expect(Set.of("bob"), null, "bob:no-answer", State.CONNECTED, null, 5000, "voicemail", "no-answer")),
                row("unanswered after 5 s goes to another user", Setup.of(unanswered(5, CallTarget.user("carol"))),
                        new Expect(Set.of("bob", "carol"), "carol", null, State.CONNECTED, null, 5000, "answered", "no-answer")),
                row("do not disturb lets a Team caller ring", Setup.of(null).dnd(AccessLevel.TEAM),
                        new Expect(Set.of("bob"), "bob", null, State.CONNECTED, null, 0, "answered", null)),
                row("do not disturb sends a Company caller to voicemail", Setup.of(null).dnd(null),
                        new Expect(Set.of(), null, "bob:dnd", State.CONNECTED, null, 0, "voicemail", "dnd")),
                row("do not disturb without voicemail answers busy", Setup.of(null).dnd(AccessLevel.COMPANY).noMailboxes(),
                        new Expect(Set.of(), null, null, EndReason.BUSY, null, 0, "busy", "dnd")),
                row("a Blocked caller is declined", Setup.of(null).level(AccessLevel.BLOCKED),
                        new Expect(Set.of(), null, null, EndReason.DECLINED, null, 0, "refused", null)),
                row("no registered endpoint goes to voicemail", Setup.of(null).offline(),
                        new Expect(Set.of(), null, "bob:unavailable", State.CONNECTED, null, 0, "voicemail", "unavailable")),
                row("no registered endpoint and no voicemail gets 480", Setup.of(null).offline().noMailboxes(),
                        new Expect(Set.of(), null, null, EndReason.UNAVAILABLE, null, 0, "unavailable", null)),
                row("a forwarding loop stops at the user who would close it",
                        Setup.of(forwardAll(CallTarget.user("carol"))).also("carol", forwardAll(CallTarget.user("bob"))),
                        new Expect(Set.of("carol"), "carol", null, State.CONNECTED, null, 0, "answered", "forward-all")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void aliceCallingBobFollowsBobsRules(Setup setup, Expect expect) throws Exception {
        parley.start(setup.mailboxes());
        Set<String> online = new LinkedHashSet<>(List.of("alice"));
        online.addAll(setup.rules().keySet());
        online.addAll(expect.rings());
        if (expect.answerer() != null) {
            online.add(expect.answerer());
        }
        if (setup.bobOnline() || setup.bobDnd()) {
            online.add("bob");
        } else {
            online.remove("bob");
        }
        Map<String, UcClient> c = new HashMap<>();
        Map<String, CallTest.Calls> seen = new HashMap<>();
        for (String u : online) {
            c.put(u, clients.signedIn(parley.server(), Transport.UDP, u));
            seen.put(u, new CallTest.Calls(c.get(u)));
        }
        for (Map.Entry<String, CallForwarding> r : setup.rules().entrySet()) {
            c.get(r.getKey()).telephony().setForwarding(r.getValue()).get(10, TimeUnit.SECONDS);
        }
        if (setup.aliceAtBob() != null) {
            parley.server().contactLists().add("bob", "sip:alice@parley.test", null);
            parley.server().contactLists().update("bob", "sip:alice@parley.test", null, null, true, setup.aliceAtBob());
        }
        if (setup.bobDnd()) {
            c.get("bob").presence().setState(PresenceState.DO_NOT_DISTURB).get(10, TimeUnit.SECONDS);
            ReconnectTest.waitFor(() -> parley.server().presence().stateOf("bob") == PresenceState.DO_NOT_DISTURB, 5_000);
        }

        long dialled = System.currentTimeMillis();
        Call placed = c.get("alice").telephony().call("bob", CallOptions.NONE);
        long answeredAt = 0;
        if (expect.answerer() != null) {
            Call incoming = await(seen.get(expect.answerer()), x -> x.direction() == Direction.INCOMING && x.state() == State.INCOMING);
            answeredAt = System.currentTimeMillis();
            c.get(expect.answerer()).telephony().answer(incoming.id()).get(WAIT_MS, TimeUnit.MILLISECONDS);
        }
        CallTest.Calls alice = seen.get("alice");
        Call end;
        if (expect.aliceEnds() == State.CONNECTED) {
            end = await(alice, x -> x.id().equals(placed.id()) && x.state() == State.CONNECTED);
        } else {
            end = await(alice, x -> x.id().equals(placed.id()) && x.state() == State.ENDED);
            assertThat(end.endReason()).as("alice's end (%s)", end.detail()).isEqualTo(expect.aliceEnds());
        }

        for (String u : online) {
            boolean rang = seen.get(u).all.stream().anyMatch(x -> x.direction() == Direction.INCOMING);
            assertThat(rang).as("%s's client rang", u).isEqualTo(expect.rings().contains(u));
        }
        if (expect.voicemail() == null) {
            assertThat(parley.desk().taken()).isEmpty();
        } else {
            assertThat(parley.desk().taken()).extracting(t -> t.user() + ":" + t.reason()).containsExactly(expect.voicemail());
            answeredAt = parley.desk().taken().get(0).atMillis();
        }
        if (expect.atLeastMillis() > 0) {
            assertThat(answeredAt - dialled).as("ring time before the unanswered rule").isGreaterThanOrEqualTo(expect.atLeastMillis())
                    .isLessThan(expect.atLeastMillis() + 8000);
        }
        List<SipMessage> atGateway = parley.gateway().requests("INVITE");
        if (expect.gatewayNumber() == null) {
            assertThat(atGateway).isEmpty();
        } else {
            assertThat(atGateway).isNotEmpty();
            assertThat(atGateway.get(0).requestUri()).startsWith("sip:" + expect.gatewayNumber() + "@127.0.0.1:");
            assertThat(String.join(",", atGateway.get(0).headers("history-info"))).contains("sip:bob@parley.test")
                    .contains("cause=302");
        }

        if (expect.aliceEnds() == State.CONNECTED) {
            c.get("alice").telephony().hangup(placed.id()).get(WAIT_MS, TimeUnit.MILLISECONDS);
        }
        CallRecord cdr = parley.awaitRecord(r -> expect.aliceEnds() != State.CONNECTED || expect.voicemail() != null
                || r.ended() != null);
        assertThat(cdr.caller()).isEqualTo("sip:alice@parley.test");
        assertThat(cdr.callee()).isEqualTo("sip:bob@parley.test");
        assertThat(cdr.outcome()).isEqualTo(expect.cdrOutcome());
        assertThat(cdr.forwardingReason()).isEqualTo(expect.cdrReason());
        assertThat(cdr.started()).isNotNull();
        if (expect.aliceEnds() == State.CONNECTED) {
            assertThat(cdr.answered()).isAfterOrEqualTo(cdr.started());
        }
    }
}
