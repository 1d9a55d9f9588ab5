package org.parley.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.ParleyServer;
import org.parley.server.testsupport.FakeVoicemailDesk;
import org.parley.server.testsupport.FreePorts;
import org.parley.server.testsupport.ServiceClient;
import org.parley.server.testsupport.TestServer;

/**
 * Server routing seen by standard SIP agents: a SIPp caller gets 181 Call Is Being Forwarded before the answer, a SIPp
 * forward target gets History-Info naming the dialled user and the forwarding cause, and a call to a user with no
 * registered device is answered by voicemail (a stand-in desk here: the voicemail module is tested on its own).
 */
@Tag("interop")
class SippRoutingInteropTest {
    @TempDir
    Path work;
    @TempDir
    Path data;

    private ParleyServer server;
    private FakeVoicemailDesk desk;

    @BeforeEach
    void start() throws IOException {
        SippRunner.requireSipp();
        desk = new FakeVoicemailDesk(Set.of("bob"));
        server = ParleyServer.start(TestServer.config(data), Clock.systemUTC(), ParleyServer.Overrides.voicemail(desk));
        for (String u : new String[] {"alice", "bob", "carol"}) {
            TestServer.addUser(server, u);
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    void forwardAllSendsTheCaller181AndTheTargetGetsHistoryInfoWithTheDialledUserAndCause302() throws IOException {
        try (ServiceClient bob = new ServiceClient(server, "bob")) {
            bob.ok("{\"op\":\"forwarding.set\",\"rules\":{\"mode\":\"FORWARD_ALL\",\"forwardTo\":{\"kind\":\"USER\",\"value\":\"carol\"}}}");
        }
        int port = FreePorts.udpAndTcp();
        SippResult reg = SippRunner.scenario(work, "register.xml", port).remote("127.0.0.1", server.sipPort())
                .service("carol").auth("carol", TestServer.password("carol"), server.domain())
                .key("domain", server.domain()).key("expires", "600").run();
        assertThat(reg.oneCallSucceeded()).as("carol registers\n" + reg.describe()).isTrue();
        SippRunner.Running carol = SippRunner.scenario(work, "uas-answer-forwarded.xml", port).service("carol").start()
                .awaitListening();

        SippResult alice = aliceCallsBob();
        SippResult target = carol.await();

        assertThat(alice.oneCallSucceeded()).as("caller got 181 then 200\n" + alice.describe() + "\ntarget\n"
                + target.describe()).isTrue();
        assertThat(target.oneCallSucceeded()).as("target saw History-Info\n" + target.describe()).isTrue();
        assertThat(desk.taken()).isEmpty();
    }

    @Test
    void callToAUserWithNoRegisteredDeviceIsForwardedToVoicemailWhichAnswersAndTakesTheBye() throws IOException {
        SippResult alice = aliceCallsBob();

        assertThat(alice.oneCallSucceeded()).as("caller got 181 then 200 from voicemail\n" + alice.describe()).isTrue();
        assertThat(desk.taken()).extracting(t -> t.user() + ":" + t.reason()).containsExactly("bob:unavailable");
        assertThat(desk.uas().requests("BYE")).as("the caller's BYE reached the mailbox's contact").hasSize(1);
    }

    private SippResult aliceCallsBob() {
        return SippRunner.scenario(work, "uac-call-forwarded.xml", FreePorts.udpAndTcp())
                .remote("127.0.0.1", server.sipPort())
                .service("bob").auth("alice", TestServer.password("alice"), "bob@" + server.domain())
                .key("caller", "alice").key("domain", server.domain())
                .run();
    }
}
