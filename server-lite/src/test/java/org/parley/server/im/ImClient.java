package org.parley.server.im;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.parley.core.sip.DigestAlgorithm;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.SipTestClient;

/**
 * A scripted IM endpoint on top of {@link SipTestClient}: sends MESSAGEs answering the 407 with digest, and receives
 * MESSAGEs (answering each one, retransmissions skipped).
 */
final class ImClient implements Closeable {
    static final Duration WAIT = Duration.ofSeconds(5);

    private final SipTestClient sip;
    private final Map<String, Integer> answered = new HashMap<>();

    ImClient(SipTestClient sip) {
        this.sip = sip;
    }

    SipTestClient sip() {
        return sip;
    }

    String aor() {
        return "sip:" + sip.user() + "@" + sip.domain();
    }

    void register() throws IOException {
        SipMessage ok = sip.registerWithDigest("pw-" + sip.user(), 600, DigestAlgorithm.MD5);
        assertThat(ok).as("REGISTER of " + sip.user() + " answered").isNotNull();
        assertThat(ok.status()).as("REGISTER of " + sip.user()).isEqualTo(200);
    }

    /** Sends a MESSAGE without credentials and returns the final answer (407 expected). */
    SipMessage sendUnauthenticated(String to, String contentType, String body) throws IOException {
        sip.send(message(to, null, "<" + aor() + ">", UUID.randomUUID() + "@im", sip.nextCseq(), contentType, body));
        return sip.expectResponse(WAIT);
    }

    /** Sends a MESSAGE, answers the 407 with credentials; the final answer is read with {@link #answer()}. */
    void send(String to, String contentType, String body) throws IOException {
        sendAs("<" + aor() + ">", to, contentType, body);
    }

    /** Like {@link #send} with any From value (to forge one). */
    void sendAs(String fromValue, String to, String contentType, String body) throws IOException {
        String callId = UUID.randomUUID() + "@im";
        sip.send(message(to, null, fromValue, callId, sip.nextCseq(), contentType, body));
        SipMessage challenge = sip.expectResponse(WAIT);
        assertThat(challenge).as("answer to an unauthenticated MESSAGE").isNotNull();
        assertThat(challenge.status()).as("challenge").isEqualTo(407);
        String auth = SipTestClient.authorization(challenge.header("proxy-authenticate"), sip.user(), "pw-" + sip.user(),
                "MESSAGE", to);
        sip.send(message(to, auth, fromValue, callId, sip.nextCseq(), contentType, body));
    }

    /** The final response to the last request sent. */
    SipMessage answer() throws IOException {
        return answer(WAIT);
    }

    SipMessage answer(Duration wait) throws IOException {
        SipMessage r = sip.expectResponse(wait);
        assertThat(r).as("a final response within " + wait).isNotNull();
        return r;
    }

    /** Sends a text message and returns the final status. */
    int text(String to, String body) throws IOException {
        send(to, "text/plain;charset=UTF-8", body);
        return answer().status();
    }

    private String message(String to, String auth, String fromValue, String callId, int cseq, String contentType, String body) {
        return "MESSAGE " + to + " SIP/2.0\n"
                + "Via: " + sip.via(SipTestClient.newBranch()) + "\n"
                + "Max-Forwards: 70\n"
                + "From: " + fromValue + ";tag=" + SipTestClient.newTag() + "\n"
                + "To: <" + to + ">\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: " + cseq + " MESSAGE\n"
                + (auth == null ? "" : "Proxy-Authorization: " + auth + "\n")
                + "Content-Type: " + contentType + "\n"
                + "\n"
                + body;
    }

    /**
     * The next new MESSAGE matching the filter; every new MESSAGE received meanwhile is answered with 200, the one
     * returned with {@code status}. Null when none comes in time.
     */
    SipMessage receive(Predicate<SipMessage> wanted, int status, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            SipMessage m = sip.receive(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            if (m == null || !"MESSAGE".equals(m.method())) {
                continue;
            }
            String key = m.header("call-id") + " " + m.header("cseq");
            Integer before = answered.get(key);
            if (before != null) {
                sip.send(response(m, before)); // a retransmission: repeat the answer
                continue;
            }
            boolean match = wanted.test(m);
            int answer = match ? status : 200;
            answered.put(key, answer);
            sip.send(response(m, answer));
            if (match) {
                return m;
            }
        }
        return null;
    }

    /** The next new MESSAGE, answered 200; fails the test when none comes. */
    SipMessage receive() throws IOException {
        SipMessage m = receive(x -> true, 200, WAIT);
        assertThat(m).as(sip.user() + " receives a MESSAGE").isNotNull();
        return m;
    }

    /** The next new MESSAGE whose body contains the text, answered 200. */
    SipMessage receiveContaining(String text) throws IOException {
        SipMessage m = receive(x -> x.body().contains(text), 200, WAIT);
        assertThat(m).as(sip.user() + " receives a MESSAGE with '" + text + "'").isNotNull();
        return m;
    }

    /** Nothing but already-seen retransmissions arrives for this long. */
    SipMessage anyNewWithin(Duration wait) throws IOException {
        return receive(x -> true, 200, wait);
    }

    String response(SipMessage request, int status) {
        StringBuilder sb = new StringBuilder("SIP/2.0 " + status + " " + (status == 200 ? "OK" : "Nope") + "\n");
        for (String via : request.headers("via")) {
            sb.append("Via: ").append(via).append('\n');
        }
        sb.append("From: ").append(request.header("from")).append('\n');
        String to = request.header("to");
        sb.append("To: ").append(to.contains(";tag=") ? to : to + ";tag=" + SipTestClient.newTag()).append('\n');
        sb.append("Call-ID: ").append(request.header("call-id")).append('\n');
        sb.append("CSeq: ").append(request.header("cseq")).append("\n\n");
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        sip.close();
    }
}
