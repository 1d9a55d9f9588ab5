package org.parley.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * Instant messages between server-lite and baresip (Debian {@code baresip}, module {@code contact}): baresip's
 * {@code /message} sends a MESSAGE to its current contact through its outbound proxy; a MESSAGE it receives is
 * printed as {@code sip:from: "text"} on its UI, here the UDP console that sent it the last command. The Parley side is a raw SIP user registered over UDP.
 */
@Tag("interop")
class BaresipMessageInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final List<String> MODULES = List.of("contact");

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
        bob.register();
        alice = BaresipAgent.start(work.resolve("alice"), "alice", TestServer.password("alice"), server.domain(),
                server.sipPort(), 440, new BaresipAgent.Extras(MODULES, "", List.of("\"Bob\" <" + bob.aor() + ">")));
        alice.await("registration", "alice@parley\\.test: \\{0/UDP/v4\\} 200 OK", WAIT);
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

    @Test
    void messageFromBaresipReachesTheRegisteredParleyUser() throws Exception {
        alice.command("/message Hello Bob, this is baresip");
        SipMessage m = bob.nextRequest("MESSAGE", x -> true, WAIT);
        assertThat(m).as("a MESSAGE at bob's device\n" + alice.describe()).isNotNull();
        assertThat(m.header("from")).contains("sip:alice@parley.test");
        assertThat(m.header("content-type")).startsWith("text/plain");
        assertThat(m.body()).isEqualTo("Hello Bob, this is baresip");
        // bob answered 200: the server relays it and baresip, which prints only failures, prints none
        alice.await("the 200 for its MESSAGE", "(?s)SIP/2\\.0 200 OK[^\\n]*\\n(?:[^\\n]+\\n)*?CSeq: \\d+ MESSAGE", WAIT);
        assertThat(alice.output()).as("baresip reported no failure\n" + alice.describe())
                .doesNotContainPattern("(?m)^\\s*[3-6]\\d\\d [A-Z]");
    }

    @Test
    void messageFromTheParleyUserReachesBaresip() throws Exception {
        // baresip prints a received MESSAGE on its UI: the console of the last command, so open it first
        alice.command("/contacts");
        alice.await("the console answering", "--- Contacts \\(1\\) ---", WAIT);
        SipMessage answer = bob.message("sip:alice@" + server.domain(), "Hello alice, this is Parley");
        assertThat(answer).as("the server's answer to bob's MESSAGE\n" + alice.describe()).isNotNull();
        assertThat(answer.status()).as("delivered to alice's device: 200 (202 would mean stored)\n" + answer + "\n"
                + alice.describe()).isEqualTo(200);
        alice.await("the message printed", "sip:bob@parley\\.test: \"Hello alice, this is Parley\"", WAIT);
        assertThat(alice.receivedRequestFrom("MESSAGE", server.sipPort())).as("MESSAGE relayed by the server\n"
                + alice.describe()).isTrue();
    }
}
