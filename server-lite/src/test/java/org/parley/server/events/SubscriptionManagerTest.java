package org.parley.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.address.SipURI;
import javax.sip.message.Request;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.SipTestClient;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

/** The RFC 6665 notifier, driven over real SIP with a small event package whose state is a counter. */
class SubscriptionManagerTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    final TestServerExtension ext = TestServerExtension.withUsers("alice", "bob");

    /** Event "x-counter": resource = user part; body = "n=<counter>" plus whether it was a full-state NOTIFY. */
    static final class CounterPackage implements EventPackage {
        final AtomicInteger counter = new AtomicInteger();
        final AtomicInteger terminated = new AtomicInteger();

        @Override
        public String name() {
            return "x-counter";
        }

        @Override
        public String resourceKey(SipURI requestUri) {
            return "nobody".equals(requestUri.getUser()) ? null : requestUri.getUser();
        }

        @Override
        public Refusal admit(String subscriber, String resourceKey, Request subscribe) {
            return "secret".equals(resourceKey) ? Refusal.of(403, "Not yours") : null;
        }

        @Override
        public Body body(Subscription subscription, boolean full) {
            return Body.utf8("text/plain", "n=" + counter.get() + (full ? " full" : " partial"));
        }

        @Override
        public void onTerminated(Subscription subscription) {
            terminated.incrementAndGet();
        }
    }

    private CounterPackage install() {
        CounterPackage p = new CounterPackage();
        ext.server().subscriptions().register(p);
        return p;
    }

    private SipTestClient client(SipTestClient.Transport t) throws IOException {
        return new SipTestClient(t, "127.0.0.1", ext.server().sipPort(), "alice", TestServer.DOMAIN);
    }

    private static String subscribe(SipTestClient c, String target, String callId, String fromTag, String toTag, int cseq,
                                    int expires, String extra) {
        String uri = "sip:" + target + "@" + TestServer.DOMAIN;
        return "SUBSCRIBE " + uri + " SIP/2.0\n"
                + "Via: " + c.via(SipTestClient.newBranch()) + "\n"
                + "Max-Forwards: 70\n"
                + "From: <sip:alice@" + TestServer.DOMAIN + ">;tag=" + fromTag + "\n"
                + "To: <" + uri + ">" + (toTag == null ? "" : ";tag=" + toTag) + "\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: " + cseq + " SUBSCRIBE\n"
                + "Contact: <" + c.contact() + ">\n"
                + "Event: x-counter\n"
                + "Expires: " + expires + "\n"
                + extra
                + "\n";
    }

    private static void answer(SipTestClient c, SipMessage request) throws IOException {
        StringBuilder sb = new StringBuilder("SIP/2.0 200 OK\n");
        for (String via : request.headers("via")) {
            sb.append("Via: ").append(via).append('\n');
        }
        sb.append("From: ").append(request.header("from")).append('\n')
                .append("To: ").append(request.header("to")).append('\n')
                .append("Call-ID: ").append(request.header("call-id")).append('\n')
                .append("CSeq: ").append(request.header("cseq")).append('\n')
                .append('\n');
        c.send(sb.toString());
    }

    private static SipMessage nextNotify(SipTestClient c) throws IOException {
        SipMessage n = c.expectRequest("NOTIFY", WAIT);
        assertThat(n).as("a NOTIFY").isNotNull();
        answer(c, n);
        return n;
    }

    @ParameterizedTest
    @EnumSource(value = SipTestClient.Transport.class, names = {"UDP", "TCP"})
    void subscribeGetsOkThenNotifiesFollowChangesRefreshAndUnsubscribe(SipTestClient.Transport transport) throws IOException {
        CounterPackage pkg = install();
        try (SipTestClient c = client(transport)) {
            String callId = UUID.randomUUID() + "@t";
            String fromTag = SipTestClient.newTag();
            SipMessage ok = c.authenticated("pw-alice", "SUBSCRIBE", "sip:bob@" + TestServer.DOMAIN,
                    (cseq, auth) -> subscribe(c, "bob", callId, fromTag, null, cseq, 600, auth));
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("expires")).isEqualTo("600");
            String toTag = ok.tag("to");
            assertThat(toTag).isNotBlank();
            assertThat(ok.header("contact")).contains("transport=" + c.transportParam());

            SipMessage first = nextNotify(c);
            assertThat(first.body()).isEqualTo("n=0 full");
            assertThat(first.header("subscription-state")).startsWith("active;expires=");
            assertThat(first.header("event")).isEqualTo("x-counter");
            assertThat(first.tag("from")).isEqualTo(toTag);
            assertThat(first.tag("to")).isEqualTo(fromTag);
            assertThat(first.header("call-id")).isEqualTo(callId);

            pkg.counter.set(7);
            ext.server().subscriptions().changed("x-counter", "bob");
            SipMessage second = nextNotify(c);
            assertThat(second.body()).isEqualTo("n=7 partial");
            assertThat(cseqNumber(second)).isGreaterThan(cseqNumber(first));

            c.send(subscribe(c, "bob", callId, fromTag, toTag, c.nextCseq(), 900, ""));
            SipMessage refreshed = c.expect(m -> m.isResponse() && m.status() >= 200, WAIT);
            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(refreshed.header("expires")).isEqualTo("900");
            assertThat(nextNotify(c).body()).isEqualTo("n=7 full");

            c.send(subscribe(c, "bob", callId, fromTag, toTag, c.nextCseq(), 0, ""));
            assertThat(c.expect(m -> m.isResponse() && m.status() >= 200, WAIT).status()).isEqualTo(200);
            SipMessage last = nextNotify(c);
            assertThat(last.header("subscription-state")).startsWith("terminated");
            assertThat(ext.server().subscriptions().subscriptions("x-counter", "bob")).isEmpty();
            assertThat(pkg.terminated.get()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = SipTestClient.Transport.class, names = {"UDP", "TCP"})
    void severalChangesWhileANotifyIsUnansweredAreCoalescedIntoOne(SipTestClient.Transport transport) throws IOException {
        CounterPackage pkg = install();
        try (SipTestClient c = client(transport)) {
            String callId = UUID.randomUUID() + "@t";
            SipMessage ok = c.authenticated("pw-alice", "SUBSCRIBE", "sip:bob@" + TestServer.DOMAIN,
                    (cseq, auth) -> subscribe(c, "bob", callId, "ft1", null, cseq, 600, auth));
            assertThat(ok.status()).isEqualTo(200);
            SipMessage first = c.expectRequest("NOTIFY", WAIT);
            for (int i = 1; i <= 5; i++) {
                pkg.counter.set(i);
                ext.server().subscriptions().changed("x-counter", "bob");
            }
            answer(c, first);
            SipMessage next = nextNotify(c);
            assertThat(next.body()).isEqualTo("n=5 partial");
            assertThat(c.expect(m -> "NOTIFY".equals(m.method()) && !m.header("call-id").equals(callId)
                    || "NOTIFY".equals(m.method()) && !m.header("cseq").equals(next.header("cseq")), Duration.ofMillis(500)))
                    .as("no further NOTIFY").isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(value = SipTestClient.Transport.class, names = {"UDP", "TCP"})
    void refusalsOfTheManagerAndThePackage(SipTestClient.Transport transport) throws IOException {
        install();
        try (SipTestClient c = client(transport)) {
            c.send(subscribe(c, "bob", UUID.randomUUID() + "@t", "ft", null, c.nextCseq(), 600, ""));
            assertThat(c.expectResponse(WAIT).status()).as("no credentials").isEqualTo(407);

            SipMessage brief = c.authenticated("pw-alice", "SUBSCRIBE", "sip:bob@" + TestServer.DOMAIN,
                    (cseq, auth) -> subscribe(c, "bob", "brief@t", "ft", null, cseq, 10, auth));
            assertThat(brief.status()).isEqualTo(423);
            assertThat(brief.header("min-expires")).isEqualTo("60");

            SipMessage none = c.authenticated("pw-alice", "SUBSCRIBE", "sip:nobody@" + TestServer.DOMAIN,
                    (cseq, auth) -> subscribe(c, "nobody", "none@t", "ft", null, cseq, 600, auth));
            assertThat(none.status()).isEqualTo(404);

            SipMessage secret = c.authenticated("pw-alice", "SUBSCRIBE", "sip:secret@" + TestServer.DOMAIN,
                    (cseq, auth) -> subscribe(c, "secret", "secret@t", "ft", null, cseq, 600, auth));
            assertThat(secret.status()).isEqualTo(403);

            c.send(subscribe(c, "bob", "unknown@t", "ft", "not-a-dialog", c.nextCseq(), 600, ""));
            assertThat(c.expectResponse(WAIT).status()).as("refresh of an unknown dialog").isEqualTo(481);
        }
    }

    @ParameterizedTest
    @EnumSource(value = SipTestClient.Transport.class, names = {"UDP"})
    void aSubscriberThatRejectsANotifyLosesTheSubscription(SipTestClient.Transport transport) throws IOException {
        CounterPackage pkg = install();
        try (SipTestClient c = client(transport)) {
            SipMessage ok = c.authenticated("pw-alice", "SUBSCRIBE", "sip:bob@" + TestServer.DOMAIN,
                    (cseq, auth) -> subscribe(c, "bob", "reject@t", "ft", null, cseq, 600, auth));
            assertThat(ok.status()).isEqualTo(200);
            SipMessage n = c.expectRequest("NOTIFY", WAIT);
            c.send("SIP/2.0 481 Subscription Does Not Exist\n" + "Via: " + n.header("via") + "\nFrom: " + n.header("from")
                    + "\nTo: " + n.header("to") + "\nCall-ID: " + n.header("call-id") + "\nCSeq: " + n.header("cseq") + "\n\n");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (pkg.terminated.get() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(pkg.terminated.get()).isEqualTo(1);
            assertThat(ext.server().subscriptions().subscriptions("x-counter", "bob")).isEmpty();
        }
    }

    private static long cseqNumber(SipMessage m) {
        return Long.parseLong(m.header("cseq").split(" ")[0]);
    }
}
