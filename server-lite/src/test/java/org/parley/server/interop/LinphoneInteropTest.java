package org.parley.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * Presence and instant messages between server-lite and linphonec (Debian {@code linphone-cli}, liblinphone 5.1),
 * headless. linphonec's {@code friend add} subscribes to the friend's presence through the outbound proxy and
 * prints {@code Friend "Name" <uri> is STATUS} for each NOTIFY; {@code chat URI text} sends a MESSAGE; a received
 * one is printed as {@code Message received from URI: text}. The Parley side is a raw SIP user.
 */
@Tag("interop")
class LinphoneInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");

    @TempDir
    Path work;

    ParleyServer server;
    LinphoneAgent alice;
    RawParleyUser bob;

    @BeforeEach
    void start() throws IOException {
        LinphoneAgent.requireLinphonec();
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

    private void startAlice() {
        alice = LinphoneAgent.start(work.resolve("alice"), "alice", TestServer.password("alice"), server.domain(),
                server.sipPort(), false);
        alice.awaitLog("registration", "identity \\[sip:alice@parley\\.test\\] moving from state \\[\\w+\\] to"
                + " \\[LinphoneRegistrationOk\\]", WAIT);
    }

    @Test
    void messageFromLinphoneReachesTheRegisteredParleyUser() throws Exception {
        bob.register();
        startAlice();
        alice.command("chat " + bob.aor() + " Hello Bob, this is linphonec");
        SipMessage m = bob.nextRequest("MESSAGE", x -> x.header("content-type") != null
                && x.header("content-type").startsWith("text/plain"), WAIT);
        assertThat(m).as("a text MESSAGE at bob's device\n" + alice.describe()).isNotNull();
        assertThat(m.header("from")).contains("sip:alice@parley.test");
        assertThat(m.body()).isEqualTo("Hello Bob, this is linphonec");
        alice.awaitLog("the 200 for its MESSAGE", "Chat message \\w+ of chat room .*: moving from \\w+ to Delivered",
                WAIT);
    }

    @Test
    void messageFromTheParleyUserReachesLinphone() throws Exception {
        startAlice();
        SipMessage answer = bob.message("sip:alice@" + server.domain(), "Hello alice, this is Parley");
        assertThat(answer).as("the server's answer to bob's MESSAGE\n" + alice.describe()).isNotNull();
        assertThat(answer.status()).as("delivered to alice's device: 200 (202 would mean stored)\n" + answer + "\n"
                + alice.describe()).isEqualTo(200);
        alice.await("the message printed", "Message received from sip:bob@parley\\.test: Hello alice, this is Parley",
                WAIT);
    }

    @Test
    void linphoneWatchingBobThroughTheServerSeesEachStateBobPublishes() throws Exception {
        startAlice();
        alice.command("friend add \"Bob\" " + bob.aor());
        awaitStatus("Offline"); // nothing published yet
        bob.publish("available");
        awaitStatus("Online");
        bob.publish("busy");
        awaitStatus("Busy");
        bob.publish("away");
        awaitStatus("Away");
        bob.publish("in-a-call");
        awaitStatus("On the phone");
        bob.publish("offline");
        awaitStatus("Offline");
        assertThat(statuses()).as("bob's statuses at linphonec\n" + alice.describe())
                .containsExactly("Offline", "Online", "Busy", "Away", "On the phone", "Offline");
        assertThat(SippRunner.readOrEmpty(work.resolve("alice/linphone.log")))
                .as("the server answered the SUBSCRIBE (it is the presence agent): bob never received one")
                .doesNotContain("SUBSCRIBE sip:bob@127.0.0.1");
    }

    private static final Pattern STATUS = Pattern.compile("Friend \"Bob\" <sip:bob@parley\\.test> is ([A-Za-z ]+)");

    private List<String> statuses() {
        List<String> out = new ArrayList<>();
        Matcher m = STATUS.matcher(alice.output());
        while (m.find()) {
            String s = m.group(1).trim();
            if (out.isEmpty() || !out.get(out.size() - 1).equals(s)) {
                out.add(s); // a repeated NOTIFY of the same state is not a change
            }
        }
        return out;
    }

    /** Waits until the last status linphonec printed for bob is {@code status}. */
    private void awaitStatus(String status) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<String> s = statuses();
            if (!s.isEmpty() && s.get(s.size() - 1).equals(status)) {
                return;
            }
            assertThat(System.nanoTime()).as("linphonec showing bob " + status + " (so far " + s + ")\n"
                    + alice.describe()).isLessThan(end);
            Thread.sleep(100);
        }
    }
}
