package org.parley.server.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.parley.core.model.DeviceKind;
import org.parley.core.model.PresenceInfo;
import org.parley.core.presence.PidfCodec;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.SipTestClient;
import org.parley.server.testsupport.TestServer;

/** Scripted PUBLISH and SUBSCRIBE over {@link SipTestClient}, with digest answered by the user's password. */
final class PresenceClient implements Closeable {
    static final Duration WAIT = Duration.ofSeconds(5);
    final SipTestClient sip;

    PresenceClient(SipTestClient sip) {
        this.sip = sip;
    }

    String aor(String user) {
        return "sip:" + user + "@" + TestServer.DOMAIN;
    }

    /** A PIDF of our own device. */
    byte[] pidf(PresenceInfo info, boolean manual, String deviceId, DeviceKind kind) {
        return PidfCodec.encodePublication(aor(sip.user()), new PidfCodec.Publication(info, manual, deviceId, kind));
    }

    SipMessage publish(String target, String event, int expires, String ifMatch, String contentType, byte[] body)
            throws IOException {
        String uri = aor(target);
        String callId = UUID.randomUUID() + "@p";
        String fromTag = SipTestClient.newTag();
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        return sip.authenticated(TestServer.password(sip.user()), "PUBLISH", uri, (cseq, auth) ->
                "PUBLISH " + uri + " SIP/2.0\n"
                        + "Via: " + sip.via(SipTestClient.newBranch()) + "\n"
                        + "Max-Forwards: 70\n"
                        + "From: <" + aor(sip.user()) + ">;tag=" + fromTag + "\n"
                        + "To: <" + uri + ">\n"
                        + "Call-ID: " + callId + "\n"
                        + "CSeq: " + cseq + " PUBLISH\n"
                        + (event == null ? "" : "Event: " + event + "\n")
                        + "Expires: " + expires + "\n"
                        + (ifMatch == null ? "" : "SIP-If-Match: " + ifMatch + "\n")
                        + (body == null ? "" : "Content-Type: " + contentType + "\n")
                        + auth
                        + "\n" + text);
    }

    /** PUBLISH of our presence; asserts 200 and returns the entity tag. */
    String publishOk(PresenceInfo info, boolean manual, String deviceId, DeviceKind kind) throws IOException {
        SipMessage ok = publish(sip.user(), "presence", 600, null, PidfCodec.CONTENT_TYPE, pidf(info, manual, deviceId, kind));
        assertThat(ok).as("PUBLISH answered").isNotNull();
        assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
        return ok.header("sip-etag");
    }

    /** A dialog made by SUBSCRIBE. */
    record Dialog(String uri, String callId, String fromTag, String toTag, SipMessage response) {
    }

    Dialog subscribe(String targetUser, String event, int expires, String extraHeaders) throws IOException {
        String uri = aor(targetUser);
        String callId = UUID.randomUUID() + "@s";
        String fromTag = SipTestClient.newTag();
        SipMessage r = sip.authenticated(TestServer.password(sip.user()), "SUBSCRIBE", uri,
                (cseq, auth) -> subscribeText(uri, callId, fromTag, null, cseq, event, expires, extraHeaders + auth));
        assertThat(r).as("SUBSCRIBE answered").isNotNull();
        return new Dialog(uri, callId, fromTag, r.tag("to"), r);
    }

    void unsubscribe(Dialog d, String event) throws IOException {
        sip.send(subscribeText(d.uri(), d.callId(), d.fromTag(), d.toTag(), sip.nextCseq(), event, 0, ""));
    }

    private String subscribeText(String uri, String callId, String fromTag, String toTag, int cseq, String event,
                                 int expires, String extra) {
        return "SUBSCRIBE " + uri + " SIP/2.0\n"
                + "Via: " + sip.via(SipTestClient.newBranch()) + "\n"
                + "Max-Forwards: 70\n"
                + "From: <" + aor(sip.user()) + ">;tag=" + fromTag + "\n"
                + "To: <" + uri + ">" + (toTag == null ? "" : ";tag=" + toTag) + "\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: " + cseq + " SUBSCRIBE\n"
                + "Contact: <" + sip.contact() + ">\n"
                + "Event: " + event + "\n"
                + "Expires: " + expires + "\n"
                + extra
                + "\n";
    }

    /** The next NOTIFY (answered 200). */
    SipMessage nextNotify() throws IOException {
        SipMessage n = sip.expectRequest("NOTIFY", WAIT);
        assertThat(n).as("a NOTIFY").isNotNull();
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
        return n;
    }

    /** NOTIFYs until one satisfies the condition (each answered); fails after the wait. */
    SipMessage notifyUntil(java.util.function.Predicate<SipMessage> wanted) throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            SipMessage n = nextNotify();
            if (wanted.test(n)) {
                return n;
            }
        }
        throw new AssertionError("no matching NOTIFY in time");
    }

    static PidfCodec.Decoded pidfOf(SipMessage notify) {
        assertThat(notify.header("content-type")).startsWith(PidfCodec.CONTENT_TYPE);
        return PidfCodec.decode(notify.body().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        sip.close();
    }
}
