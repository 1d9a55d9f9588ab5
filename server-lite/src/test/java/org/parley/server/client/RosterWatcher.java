package org.parley.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.parley.server.ParleyServer;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.SipTestClient;
import org.parley.server.testsupport.TestServer;

/**
 * A scripted watcher of a conference's roster (RFC 4575): SUBSCRIBE {@code Event: conference} over TCP with digest
 * answered by the user's password, then the NOTIFYs (each answered 200).
 */
final class RosterWatcher implements Closeable {
    private static final Duration WAIT = Duration.ofSeconds(8);
    private final SipTestClient sip;

    RosterWatcher(ParleyServer server, String user) throws IOException {
        this.sip = new SipTestClient(SipTestClient.Transport.TCP, "127.0.0.1", server.sipPort(), user, TestServer.DOMAIN);
    }

    /** Subscribes to {@code roomUri}; returns the final response. */
    SipMessage subscribe(String roomUri) throws IOException {
        String callId = UUID.randomUUID() + "@roster";
        String fromTag = SipTestClient.newTag();
        String me = "sip:" + sip.user() + "@" + TestServer.DOMAIN;
        return sip.authenticated(TestServer.password(sip.user()), "SUBSCRIBE", roomUri, (cseq, auth) ->
                "SUBSCRIBE " + roomUri + " SIP/2.0\n"
                        + "Via: " + sip.via(SipTestClient.newBranch()) + "\n"
                        + "Max-Forwards: 70\n"
                        + "From: <" + me + ">;tag=" + fromTag + "\n"
                        + "To: <" + roomUri + ">\n"
                        + "Call-ID: " + callId + "\n"
                        + "CSeq: " + cseq + " SUBSCRIBE\n"
                        + "Contact: <" + sip.contact() + ">\n"
                        + "Event: conference\n"
                        + "Accept: application/conference-info+xml\n"
                        + "Expires: 600\n"
                        + auth
                        + "\n");
    }

    /** NOTIFYs (answered) until one satisfies {@code wanted}; fails after the wait. */
    SipMessage until(String what, Predicate<SipMessage> wanted) throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            SipMessage n = sip.expectRequest("NOTIFY", Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (n == null) {
                break;
            }
            answer(n);
            assertThat(n.header("content-type")).startsWith("application/conference-info+xml");
            if (wanted.test(n)) {
                return n;
            }
        }
        throw new AssertionError("no roster NOTIFY in time: " + what);
    }

    private void answer(SipMessage n) throws IOException {
        StringBuilder sb = new StringBuilder("SIP/2.0 200 OK\n");
        for (String via : n.headers("via")) {
            sb.append("Via: ").append(via).append('\n');
        }
        sb.append("From: ").append(n.header("from")).append('\n')
                .append("To: ").append(n.header("to")).append('\n')
                .append("Call-ID: ").append(n.header("call-id")).append('\n')
                .append("CSeq: ").append(n.header("cseq")).append('\n')
                .append('\n');
        sip.send(sb.toString());
    }

    /** The {@code <user>} element of {@code aor} in a NOTIFY body, or "" when absent. */
    static String user(SipMessage notify, String aor) {
        String body = notify.body();
        int at = body.indexOf("<user entity=\"" + aor + "\"");
        return at < 0 ? "" : body.substring(at, body.indexOf("</user>", at));
    }

    static int userCount(SipMessage notify) {
        String body = notify.body();
        int at = body.indexOf("<user-count>");
        return at < 0 ? -1 : Integer.parseInt(body.substring(at + 12, body.indexOf("</user-count>", at)).trim());
    }

    static long version(SipMessage notify) {
        String body = notify.body();
        int at = body.indexOf("state=\"full\" version=\"") + 22;
        return Long.parseLong(body.substring(at, body.indexOf('"', at)));
    }

    @Override
    public void close() throws IOException {
        sip.close();
    }
}
