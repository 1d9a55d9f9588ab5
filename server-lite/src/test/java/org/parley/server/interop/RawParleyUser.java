package org.parley.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.SipTestClient;
import org.parley.server.testsupport.TestServer;

/**
 * The Parley side of the interop tests: one user speaking raw SIP over UDP through {@link SipTestClient}, so the
 * tests see what the server and the foreign agent put on the wire. Publishes presence (docs/protocol.md), watches
 * someone's presence, sends and receives MESSAGEs, answering every request it receives with 200.
 */
final class RawParleyUser implements Closeable {
    static final String PIDF = "urn:ietf:params:xml:ns:pidf";
    static final Duration WAIT = Duration.ofSeconds(15);

    private final SipTestClient sip;
    private final String user;
    private final String domain;
    private final String aor;
    private String etag;
    private String watchCallId;
    private final java.util.List<String> notifyBodies = new java.util.ArrayList<>();

    RawParleyUser(int serverPort, String user, String domain) throws IOException {
        this.sip = new SipTestClient(SipTestClient.Transport.UDP, "127.0.0.1", serverPort, user, domain);
        this.user = user;
        this.domain = domain;
        this.aor = "sip:" + user + "@" + domain;
    }

    String aor() {
        return aor;
    }

    /** Registers this client's contact (so MESSAGEs to the user reach it); asserts 200. */
    void register() throws IOException {
        SipMessage r = sip.registerWithDigest(TestServer.password(user), 300,
                org.parley.core.sip.DigestAlgorithm.MD5);
        assertThat(r).as(user + ": REGISTER answered").isNotNull();
        assertThat(r.status()).as(user + ": REGISTER\n" + r).isEqualTo(200);
    }

    /**
     * Publishes this device's state as a Parley client does (docs/protocol.md): basic open plus an RPID activity and
     * the Parley state, or basic closed for offline. Modifies the previous publication (SIP-If-Match) after the first.
     */
    void publish(String state) throws IOException {
        String activity = switch (state) {
            case "busy", "do-not-disturb" -> "<rpid:busy/>";
            case "in-a-call", "in-a-conference" -> "<rpid:on-the-phone/>";
            case "away", "be-right-back", "inactive" -> "<rpid:away/>";
            default -> "";
        };
        boolean open = !state.equals("offline");
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<presence xmlns=\"" + PIDF + "\" xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\""
                + " xmlns:rpid=\"urn:ietf:params:xml:ns:pidf:rpid\" xmlns:pp=\"urn:parley:params:xml:ns:pidf\""
                + " entity=\"" + aor + "\">\n"
                + "<tuple id=\"t-interop\"><status><basic>" + (open ? "open" : "closed") + "</basic></status>"
                + "<dm:deviceID>interop</dm:deviceID></tuple>\n"
                + "<dm:person id=\"p\"><rpid:activities>" + activity + "</rpid:activities>"
                + "<pp:state manual=\"true\">" + state + "</pp:state></dm:person>\n"
                + "<dm:device id=\"d-interop\"><dm:deviceID>interop</dm:deviceID><pp:kind>desktop</pp:kind></dm:device>\n"
                + "</presence>\n";
        publishDocument(state, body);
    }

    /** Publishes {@code pidf} as is (a foreign client's document); {@code what} names it in assertion messages. */
    void publishDocument(String what, String pidf) throws IOException {
        String state = what;
        String body = pidf;
        String callId = UUID.randomUUID() + "@interop";
        String tag = SipTestClient.newTag();
        String ifMatch = etag == null ? "" : "SIP-If-Match: " + etag + "\n";
        SipMessage r = sip.authenticated(TestServer.password(user), "PUBLISH", aor, (cseq, auth) ->
                "PUBLISH " + aor + " SIP/2.0\n"
                        + "Via: " + sip.via(SipTestClient.newBranch()) + "\n"
                        + "Max-Forwards: 70\n"
                        + "From: <" + aor + ">;tag=" + tag + "\n"
                        + "To: <" + aor + ">\n"
                        + "Call-ID: " + callId + "\n"
                        + "CSeq: " + cseq + " PUBLISH\n"
                        + "Event: presence\n"
                        + "Expires: 600\n"
                        + ifMatch
                        + auth
                        + "Content-Type: application/pidf+xml\n"
                        + "\n" + body);
        assertThat(r).as(user + ": PUBLISH " + state + " answered").isNotNull();
        assertThat(r.status()).as(user + ": PUBLISH " + state + "\n" + r).isEqualTo(200);
        etag = r.header("sip-etag");
    }

    /** Subscribes to {@code target}'s presence; asserts a 2xx. NOTIFYs are read with {@link #nextNotify}. */
    void watch(String target) throws IOException {
        watchCallId = UUID.randomUUID() + "@interop";
        String tag = SipTestClient.newTag();
        SipMessage r = sip.authenticated(TestServer.password(user), "SUBSCRIBE", target, (cseq, auth) ->
                "SUBSCRIBE " + target + " SIP/2.0\n"
                        + "Via: " + sip.via(SipTestClient.newBranch()) + "\n"
                        + "Max-Forwards: 70\n"
                        + "From: <" + aor + ">;tag=" + tag + "\n"
                        + "To: <" + target + ">\n"
                        + "Call-ID: " + watchCallId + "\n"
                        + "CSeq: " + cseq + " SUBSCRIBE\n"
                        + "Contact: <" + sip.contact() + ">\n"
                        + "Event: presence\n"
                        + "Accept: application/pidf+xml\n"
                        + "Expires: 600\n"
                        + auth
                        + "\n");
        assertThat(r).as(user + ": SUBSCRIBE " + target + " answered").isNotNull();
        assertThat(r.status() / 100).as(user + ": SUBSCRIBE " + target + "\n" + r).isEqualTo(2);
    }

    /** The next NOTIFY of the subscription made by {@link #watch} (answered 200), or null after {@code timeout}. */
    SipMessage nextNotify(Duration timeout) throws IOException {
        SipMessage n = nextRequest("NOTIFY", m -> watchCallId.equals(m.header("call-id")), timeout);
        if (n != null) {
            notifyBodies.add(n.header("subscription-state") + "\n" + n.body());
        }
        return n;
    }

    /** Every NOTIFY of the watch so far (Subscription-State, then the body), for assertion messages. */
    String notifiesSoFar() {
        return "--- NOTIFYs at " + user + " ---\n" + String.join("\n---\n", notifyBodies);
    }

    /** Reads NOTIFYs until one whose PIDF satisfies {@code test}; returns it, or null when none came in time. */
    SipMessage awaitNotify(java.util.function.Predicate<String> test, Duration timeout) throws IOException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            SipMessage n = nextNotify(Duration.ofNanos(Math.max(1_000_000, end - System.nanoTime())));
            if (n != null && test.test(n.body())) {
                return n;
            }
        }
        return null;
    }

    /** The next request of {@code method} matching {@code filter}, answered 200; others are answered and skipped. */
    SipMessage nextRequest(String method, java.util.function.Predicate<SipMessage> filter, Duration timeout)
            throws IOException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            SipMessage m = sip.receive(Duration.ofNanos(Math.max(1_000_000, end - System.nanoTime())));
            if (m == null || m.isResponse()) {
                continue;
            }
            if (!"ACK".equals(m.method())) {
                sip.send(ok(m));
            }
            if (method.equals(m.method()) && filter.test(m)) {
                return m;
            }
        }
        return null;
    }

    /** Sends a text/plain MESSAGE (answering the 407) and returns the final response. */
    SipMessage message(String to, String text) throws IOException {
        String callId = UUID.randomUUID() + "@interop";
        String tag = SipTestClient.newTag();
        return sip.authenticated(TestServer.password(user), "MESSAGE", to, (cseq, auth) ->
                "MESSAGE " + to + " SIP/2.0\n"
                        + "Via: " + sip.via(SipTestClient.newBranch()) + "\n"
                        + "Max-Forwards: 70\n"
                        + "From: <" + aor + ">;tag=" + tag + "\n"
                        + "To: <" + to + ">\n"
                        + "Call-ID: " + callId + "\n"
                        + "CSeq: " + cseq + " MESSAGE\n"
                        + auth
                        + "Content-Type: text/plain\n"
                        + "\n" + text);
    }

    private static String ok(SipMessage req) {
        StringBuilder sb = new StringBuilder("SIP/2.0 200 OK\n");
        for (String via : req.headers("via")) {
            sb.append("Via: ").append(via).append('\n');
        }
        String to = req.header("to");
        if (SipMessage.param(to, "tag") == null) {
            to = to + ";tag=" + SipTestClient.newTag();
        }
        return sb.append("From: ").append(req.header("from")).append('\n')
                .append("To: ").append(to).append('\n')
                .append("Call-ID: ").append(req.header("call-id")).append('\n')
                .append("CSeq: ").append(req.header("cseq")).append('\n')
                .append("\n").toString();
    }

    String user() {
        return user;
    }

    String domain() {
        return domain;
    }

    @Override
    public void close() throws IOException {
        sip.close();
    }
}
