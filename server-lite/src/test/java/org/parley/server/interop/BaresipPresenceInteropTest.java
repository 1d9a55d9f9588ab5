package org.parley.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.ParleyServer;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

/**
 * Presence between server-lite and baresip (Debian {@code baresip}, modules {@code contact} and {@code presence}).
 * baresip 1.0 subscribes to every contact marked {@code ;presence=p2p} through its outbound proxy, reads
 * {@code <basic>} and the RPID activities {@code rpid:away}, {@code rpid:busy} and {@code rpid:on-the-phone} of the
 * NOTIFYs, and logs each change of a contact's status; with the account parameter {@code pubint} it PUBLISHes its
 * own basic status ({@code /presence_online}, {@code /presence_offline}). The Parley side is a raw SIP user.
 */
@Tag("interop")
class BaresipPresenceInteropTest {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BaresipPresenceInteropTest.class);
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final List<String> MODULES = List.of("contact", "presence");
    private static final String PARLEY_NS = "urn:parley:params:xml:ns:pidf";

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");

    @TempDir
    Path work;

    ParleyServer server;
    BaresipAgent alice;
    RawParleyUser bob;

    @BeforeEach
    void start() throws IOException {
        BaresipAgent.requireBaresip(MODULES);
        server = parley.server();
        bob = new RawParleyUser(server.sipPort(), "bob", server.domain());
    }

    @AfterEach
    void stop() throws IOException {
        if (alice != null) {
            alice.close();
        }
        if (bob != null) {
            bob.close();
        }
    }

    private BaresipAgent alice(BaresipAgent.Extras extras) {
        return BaresipAgent.start(work.resolve("alice"), "alice", TestServer.password("alice"), server.domain(),
                server.sipPort(), 440, extras);
    }

    @Test
    void baresipWatchingBobThroughTheServerSeesEachStateBobPublishes() throws Exception {
        bob.publish("available");
        alice = alice(new BaresipAgent.Extras(MODULES, "", List.of("\"Bob\" <" + bob.aor() + ">;presence=p2p")));
        alice.await("registration", "alice@parley\\.test: \\{0/UDP/v4\\} 200 OK", WAIT);
        awaitNotifyAtAlice();

        // baresip logs a change only once it knows a status: the first NOTIFY (available) sets Online silently
        bob.publish("busy");
        awaitStatus("Busy");
        bob.publish("away");
        awaitStatus("Offline"); // baresip shows rpid:away as closed
        bob.publish("in-a-call");
        awaitStatus("Busy"); // rpid:on-the-phone
        bob.publish("available");
        awaitStatus("Online");
        bob.publish("offline");
        awaitStatus("Offline");
        assertThat(statusChanges()).as("status changes baresip logged for bob\n" + alice.describe())
                .containsExactly("Busy", "Offline", "Busy", "Online", "Offline");
    }

    @Test
    void parleyUserWatchingBaresipSeesWhatItPublishes() throws Exception {
        alice = alice(new BaresipAgent.Extras(MODULES, ";pubint=600", List.of()));
        alice.await("registration", "alice@parley\\.test: \\{0/UDP/v4\\} 200 OK", WAIT);
        bob.watch("sip:alice@" + server.domain());
        SipMessage open = bob.awaitNotify(b -> basic(b).equals("open"), WAIT);
        assertThat(open).as("a NOTIFY showing alice open after baresip's PUBLISH\n" + bob.notifiesSoFar() + "\n"
                + alice.describe()).isNotNull();
        assertThat(open.header("content-type")).startsWith("application/pidf+xml");
        // the server is the presence agent: its NOTIFY carries alice's card (Parley's PIDF extension); baresip,
        // which would answer a SUBSCRIBE itself (p2p), never saw one
        assertThat(open.body()).as("NOTIFY composed by the server\n" + open).contains(PARLEY_NS).contains("Alice Test");
        assertThat(alice.receivedRequestFrom("SUBSCRIBE", server.sipPort()))
                .as("the SUBSCRIBE to alice stayed at the server\n" + alice.describe()).isFalse();

        // baresip 1.0 sends two initial PUBLISHes at start-up (two Call-IDs, so two publications), each saying open or,
        // before its registration completed, <basic>unknown</basic>. It keeps the entity tag of whichever 200 came
        // back last and /presence_offline modifies that publication only. By the aggregation rule (docs/protocol.md:
        // the most available state wins, a publication saying nothing usable ranks below Offline) alice shows closed
        // only when no publication still says open.
        alice.command("/presence_offline");
        alice.await("the closed PUBLISH", "(?s)<basic>closed</basic>.*SIP/2\\.0 200 OK", WAIT);
        java.util.Collection<String> states = publicationStates(alice.output());
        LOG.info("baresip's publications after /presence_offline say {}", states);
        if (!states.contains("open")) {
            SipMessage closed = bob.awaitNotify(b -> basic(b).equals("closed"), WAIT);
            assertThat(closed).as("a NOTIFY showing alice closed after /presence_offline\n"
                    + bob.notifiesSoFar() + "\n" + alice.describe()).isNotNull();
            alice.command("/presence_online");
            SipMessage reopened = bob.awaitNotify(b -> basic(b).equals("open"), WAIT);
            assertThat(reopened).as("a NOTIFY showing alice open again after /presence_online\n"
                    + bob.notifiesSoFar() + "\n" + alice.describe()).isNotNull();
        } else {
            assertThat(states).as("publications after /presence_offline\n" + alice.describe()).contains("closed");
            SipMessage other = bob.awaitNotify(b -> !basic(b).equals("open"), Duration.ofSeconds(3));
            assertThat(other).as("another publication still says open: no NOTIFY may show alice otherwise\n"
                    + bob.notifiesSoFar() + "\n" + alice.describe()).isNull();
        }
    }

    /**
     * From baresip's SIP trace: what each of its publications says after its closed PUBLISH (initial PUBLISHes by
     * the entity tag their 200 carried; the one the closed PUBLISH names in SIP-If-Match now says closed).
     */
    static java.util.Collection<String> publicationStates(String trace) {
        java.util.Map<String, String> basicByCallId = new java.util.HashMap<>();
        java.util.Map<String, String> byEtag = new java.util.LinkedHashMap<>();
        String ifMatch = null;
        for (String block : trace.split("\n(?=(?:UDP|TCP) 127)")) {
            String callId = field(block, "Call-ID");
            java.util.regex.Matcher basic = java.util.regex.Pattern.compile("<basic>(\\w+)</basic>").matcher(block);
            if (block.contains("PUBLISH sip:") && basic.find()) {
                if (block.contains("SIP-If-Match:") && "closed".equals(basic.group(1))) {
                    ifMatch = field(block, "SIP-If-Match");
                } else if (!block.contains("SIP-If-Match:")) {
                    basicByCallId.put(callId, basic.group(1));
                }
            } else if (block.contains("SIP/2.0 200 OK") && block.contains("PUBLISH") && block.contains("SIP-ETag:")
                    && basicByCallId.containsKey(callId)) {
                byEtag.put(field(block, "SIP-ETag"), basicByCallId.get(callId));
            }
        }
        if (ifMatch != null && byEtag.containsKey(ifMatch)) {
            byEtag.put(ifMatch, "closed");
        }
        return byEtag.values();
    }

    private static String field(String block, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + name + ": *(\\S+)").matcher(block);
        return m.find() ? m.group(1) : null;
    }

    /** Waits until baresip's SIP trace shows a NOTIFY from the server (its subscription to bob is active). */
    private void awaitNotifyAtAlice() throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!alice.receivedRequestFrom("NOTIFY", server.sipPort())) {
            assertThat(System.nanoTime()).as("a NOTIFY for alice's subscription to bob within " + WAIT.toSeconds()
                    + " s\n" + alice.describe()).isLessThan(end);
            Thread.sleep(100);
        }
    }

    private static final Pattern CHANGE = Pattern.compile(
            "<sip:bob@parley\\.test> changed status from \\w+ to (\\w+)"
                    + "|presence: update status of '[^']*bob@parley\\.test[^']*' from '\\w+' to '(\\w+)'");

    private List<String> statusChanges() {
        Matcher m = CHANGE.matcher(alice.output());
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }

    private int seen;

    /** Waits for the next status change baresip logs for bob and asserts it is {@code status}. */
    private void awaitStatus(String status) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (statusChanges().size() <= seen) {
            assertThat(System.nanoTime()).as("baresip logging bob's change to " + status + "\n" + alice.describe())
                    .isLessThan(end);
            Thread.sleep(100);
        }
        assertThat(statusChanges().get(seen)).as("bob's status change #" + (seen + 1) + " at baresip\n"
                + alice.describe()).isEqualTo(status);
        seen++;
    }

    private static String basic(String pidf) {
        Matcher m = Pattern.compile("<(?:\\w+:)?basic>\\s*(\\w+)\\s*</(?:\\w+:)?basic>").matcher(pidf);
        return m.find() ? m.group(1) : "";
    }
}
