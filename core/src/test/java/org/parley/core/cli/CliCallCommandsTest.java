package org.parley.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.parley.core.client.CallOptions;
import org.parley.core.client.TelephonyService;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.client.UcClient;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;

/**
 * The call commands against a telephony double: which call a command picks when no id is given, what it refuses
 * before touching the client, and that a failure of the client reaches the script with its code and message.
 */
class CliCallCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    /** Every telephony method called, as "name arg1 arg2". */
    private final List<String> invoked = new CopyOnWriteArrayList<>();
    private final List<Call> live = new ArrayList<>();
    private final List<TelephonyService.CallListener> listeners = new CopyOnWriteArrayList<>();
    private final CliSession session;

    CliCallCommandsTest() {
        TelephonyService telephony = (TelephonyService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TelephonyService.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("addCallListener")) {
                        listeners.add((TelephonyService.CallListener) args[0]);
                        return null;
                    }
                    if (name.equals("calls")) {
                        return List.copyOf(live);
                    }
                    StringBuilder line = new StringBuilder(name);
                    for (Object a : args == null ? new Object[0] : args) {
                        line.append(' ').append(a instanceof CallOptions o ? o.subject() + "/" + o.highPriority() : a);
                    }
                    invoked.add(line.toString());
                    switch (name) {
                        case "call":
                            return call("c-new", (String) args[0], State.DIALING);
                        case "transfer":
                            return CompletableFuture.failedFuture(
                                    new ParleyException(ErrorCode.INTERNAL, "blind transfer is not built yet"));
                        case "transferToCall":
                            return CompletableFuture.failedFuture(
                                    new ParleyException(ErrorCode.REFUSED, "the peer refused the REFER (603)"));
                        default:
                            return CompletableFuture.completedFuture(null);
                    }
                });
        UcClient client = (UcClient) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UcClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("telephony")) {
                        return telephony;
                    }
                    Class<?> type = method.getReturnType();
                    // the other services only get listeners added: answer with inert doubles
                    return type.isInterface() ? Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                            (p, m, a) -> null) : null;
                });
        session = new CliSession(client, new JsonOut(new PrintStream(printed, true, StandardCharsets.UTF_8)), "parley.test");
        session.listen();
    }

    private static Call call(String id, String peer, State state) {
        return new Call(id, peer, null, state == State.INCOMING ? Direction.INCOMING : Direction.OUTGOING, state, null,
                false, null, null, 0, null, 0, Instant.now(), null, false, null, null, false, null, null);
    }

    private List<JsonNode> events() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : printed.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    private JsonNode last() throws Exception {
        List<JsonNode> all = events();
        return all.get(all.size() - 1);
    }

    @Test
    void callWithSubjectAndUrgentPlacesOneCallToTheDomainUserAndPrintsItsId() throws Exception {
        session.runLine("call bob --subject \"Quarterly figures\" --urgent");
        assertThat(invoked).containsExactly("call sip:bob@parley.test Quarterly figures/true");
        JsonNode placed = last();
        assertThat(placed.path("event").asText()).isEqualTo("call-placed");
        assertThat(placed.path("id").asText()).isEqualTo("c-new");
        assertThat(placed.path("state").asText()).isEqualTo("dialing");
        assertThat(placed.path("command").asText()).startsWith("call bob");
    }

    @Test
    void badCallArgumentsAreRefusedBeforeAnyCallIsPlaced() throws Exception {
        for (String line : List.of("call", "call bob --subject", "call bob --loud", "call bob carol")) {
            session.runLine(line);
            JsonNode e = last();
            assertThat(e.path("event").asText()).as(line).isEqualTo("error");
            assertThat(e.path("code").asText()).as(line).isEqualTo("INVALID_ARGUMENT");
            assertThat(e.path("message").asText()).as(line).startsWith("usage: call TARGET");
        }
        assertThat(invoked).isEmpty();
    }

    @Test
    void withoutAnIdEachCommandPicksTheObviousCall() throws Exception {
        live.add(call("held-1111", "sip:carol@parley.test", State.HELD));
        live.add(call("talk-2222", "sip:bob@parley.test", State.CONNECTED));
        live.add(call("ring-3333", "sip:dave@parley.test", State.INCOMING));
        session.runLine("answer");
        session.runLine("hold");
        session.runLine("resume");
        session.runLine("hangup");
        session.runLine("dtmf 12*#a");
        session.runLine("decline --busy");
        assertThat(invoked).containsExactly("answer ring-3333", "hold talk-2222", "resume held-1111",
                "hangup talk-2222", "sendDtmf talk-2222 12*#A", "decline ring-3333 true");
        assertThat(events()).allSatisfy(e -> assertThat(e.path("event").asText()).isEqualTo("ok"));
    }

    @Test
    void aShortUniqueIdPrefixNamesTheCallAndAnAmbiguousOneIsRefused() throws Exception {
        live.add(call("abc-1", "sip:bob@parley.test", State.CONNECTED));
        live.add(call("abd-2", "sip:carol@parley.test", State.HELD));
        session.runLine("hangup abd");
        assertThat(invoked).containsExactly("hangup abd-2");
        session.runLine("hangup ab");
        assertThat(last().path("message").asText()).contains("ambiguous").contains("abc-1").contains("abd-2");
        session.runLine("hold zzz");
        assertThat(last().path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(invoked).hasSize(1);
    }

    @Test
    void noOrSeveralFittingCallsIsAnErrorThatListsTheCalls() throws Exception {
        session.runLine("answer");
        assertThat(last().path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(last().path("message").asText()).isEqualTo("no incoming call");
        live.add(call("one", "sip:bob@parley.test", State.INCOMING));
        live.add(call("two", "sip:carol@parley.test", State.INCOMING));
        session.runLine("answer");
        assertThat(last().path("message").asText()).startsWith("several incoming calls: give an id")
                .contains("one incoming sip:bob@parley.test").contains("two incoming sip:carol@parley.test");
        assertThat(invoked).isEmpty();
    }

    @Test
    void dtmfRefusesCharactersThatAreNotDigits() throws Exception {
        live.add(call("talk", "sip:bob@parley.test", State.CONNECTED));
        session.runLine("dtmf 12x");
        assertThat(last().path("code").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(last().path("message").asText()).contains("'12x' has other characters");
        assertThat(invoked).isEmpty();
    }

    @Test
    void transferFailuresReachTheScriptWithTheClientsCodeAndMessage() throws Exception {
        live.add(call("first", "sip:bob@parley.test", State.HELD));
        live.add(call("consult", "sip:carol@parley.test", State.CONNECTED));
        session.runLine("transfer dave");
        JsonNode blind = last();
        assertThat(blind.path("event").asText()).isEqualTo("error");
        assertThat(blind.path("code").asText()).isEqualTo("INTERNAL");
        assertThat(blind.path("message").asText()).isEqualTo("blind transfer is not built yet");
        assertThat(invoked).containsExactly("transfer consult sip:dave@parley.test");

        session.runLine("transfer --consult cons");
        JsonNode consult = last();
        assertThat(consult.path("code").asText()).isEqualTo("REFUSED");
        assertThat(consult.path("message").asText()).isEqualTo("the peer refused the REFER (603)");
        assertThat(invoked).last().isEqualTo("transferToCall first consult");
    }

    @Test
    void callChangesArePrintedOnceEachAndAwaitReturnsWhenTheNewestCallGetsThere() throws Exception {
        Call dialing = call("c1", "sip:bob@parley.test", State.DIALING);
        Call connected = new Call("c1", "sip:bob@parley.test", "Bob", Direction.OUTGOING, State.CONNECTED, "Budget",
                true, "opus/48000/2", "sendrecv", 4000, "127.0.0.1", 5000, Instant.now(), Instant.now(), false, null, null,
                false, null, null);
        listeners.forEach(l -> l.onCall(dialing));
        listeners.forEach(l -> l.onCall(dialing));
        Thread waiter = new Thread(() -> session.runLine("await connected"));
        waiter.start();
        Thread.sleep(200);
        assertThat(waiter.isAlive()).as("await waits while the call is dialing").isTrue();
        listeners.forEach(l -> l.onCall(connected));
        waiter.join(5000);
        List<JsonNode> all = events();
        assertThat(all).extracting(e -> e.path("event").asText() + " " + e.path("state").asText())
                .containsExactly("call dialing", "call connected", "call connected");
        JsonNode shown = all.get(1);
        assertThat(shown.path("peerName").asText()).isEqualTo("Bob");
        assertThat(shown.path("subject").asText()).isEqualTo("Budget");
        assertThat(shown.path("urgent").asBoolean()).isTrue();
        assertThat(shown.path("codec").asText()).isEqualTo("opus/48000/2");
        assertThat(shown.path("media").asText()).isEqualTo("sendrecv");
        assertThat(all.get(2).path("command").asText()).isEqualTo("await connected");
    }
}
