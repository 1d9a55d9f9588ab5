package org.parley.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.interop.SippRunner.Transport;
import org.parley.server.testsupport.FreePorts;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

/**
 * Calls between SIPp agents through server-lite's proxy: alice (SIPp UAC) calls bob, whose contacts are SIPp UAS
 * agents registered with register.xml from the very port they then listen on.
 */
@Tag("interop")
class SippProxyInteropTest {
    @TempDir
    Path work;

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");

    @BeforeEach
    void requirePeer() {
        SippRunner.requireSipp();
    }

    /** Registers a contact of bob at 127.0.0.1:port, then starts the UAS scenario listening on that port. */
    private SippRunner.Running bobAnswersWith(String uasScenario) {
        return bobAnswersWith(uasScenario, Transport.UDP);
    }

    private SippRunner.Running bobAnswersWith(String uasScenario, Transport transport) {
        int port = FreePorts.udpAndTcp();
        SippResult reg = SippRunner.scenario(work, "register.xml", port).transport(transport)
                .remote("127.0.0.1", parley.server().sipPort())
                .service("bob").auth("bob", TestServer.password("bob"), parley.server().domain())
                .key("domain", parley.server().domain()).key("expires", "600")
                .run();
        assertThat(reg.oneCallSucceeded()).as("bob registers contact port " + port + "\n" + reg.describe()).isTrue();
        return SippRunner.scenario(work, uasScenario, port).transport(transport).service("bob").start()
                .awaitListening();
    }

    private SippResult aliceCallsBob(String uacScenario) {
        return aliceCallsBob(uacScenario, Transport.UDP);
    }

    private SippResult aliceCallsBob(String uacScenario, Transport transport) {
        return SippRunner.scenario(work, uacScenario, FreePorts.udpAndTcp()).transport(transport)
                .remote("127.0.0.1", parley.server().sipPort())
                .service("bob").auth("alice", TestServer.password("alice"), "bob@" + parley.server().domain())
                .key("caller", "alice").key("domain", parley.server().domain())
                .run();
    }

    @Test
    void callIsChallengedWith407ThenRingsIsAnsweredAndHungUpThroughTheRecordRoute() {
        SippRunner.Running bob = bobAnswersWith("uas-answer.xml");

        SippResult alice = aliceCallsBob("uac-call.xml");
        SippResult callee = bob.await();

        assertThat(alice.oneCallSucceeded()).as("caller\n" + alice.describe() + "\ncallee\n" + callee.describe())
                .isTrue();
        assertThat(callee.oneCallSucceeded()).as("callee\n" + callee.describe()).isTrue();
        assertThat(alice.messages()).as("the ACK and BYE carry the proxy's Record-Route as Route")
                .containsPattern("(?m)^BYE sip:bob@127\\.0\\.0\\.1:\\d+[^\\n]*\\n(?:[^\\n]+\\n)*Route: <sip:");
    }

    @Test
    void callOverTcpIsAnsweredAndHungUpThroughTheRecordRoute() {
        SippRunner.Running bob = bobAnswersWith("uas-answer.xml", Transport.TCP);

        SippResult alice = aliceCallsBob("uac-call.xml", Transport.TCP);
        SippResult callee = bob.await();

        assertThat(alice.oneCallSucceeded()).as("caller\n" + alice.describe() + "\ncallee\n" + callee.describe())
                .isTrue();
        assertThat(callee.oneCallSucceeded()).as("callee\n" + callee.describe()).isTrue();
        assertThat(callee.messages()).as("the callee got the INVITE over TCP").contains("TCP message received");
    }

    @Test
    void cancelBeforeAnswerGets200And487AndReachesTheRingingCallee() {
        SippRunner.Running bob = bobAnswersWith("uas-ring-no-answer.xml");

        SippResult alice = aliceCallsBob("uac-cancel.xml");
        SippResult callee = bob.await();

        assertThat(alice.oneCallSucceeded()).as("caller\n" + alice.describe() + "\ncallee\n" + callee.describe())
                .isTrue();
        assertThat(callee.oneCallSucceeded()).as("callee saw CANCEL\n" + callee.describe()).isTrue();
    }

    @Test
    void forkedCallRingsBothContactsAndTheOneNotAnsweringGetsCancel() {
        SippRunner.Running answering = bobAnswersWith("uas-answer.xml");
        SippRunner.Running ringing = bobAnswersWith("uas-ring-no-answer.xml");

        SippResult alice = aliceCallsBob("uac-call.xml");
        SippResult winner = answering.await();
        SippResult loser = ringing.await();

        assertThat(alice.oneCallSucceeded()).as("caller\n" + alice.describe() + "\nanswering contact\n"
                + winner.describe() + "\nringing contact\n" + loser.describe()).isTrue();
        assertThat(winner.oneCallSucceeded()).as("answering contact\n" + winner.describe()).isTrue();
        assertThat(loser.oneCallSucceeded()).as("ringing contact got CANCEL\n" + loser.describe()).isTrue();
        List<String> ringingTags = alice.received("SIP/2.0 180").stream()
                .map(m -> m.replaceAll("(?s).*\nTo:[^\n]*;tag=([^;\s]+).*", "$1")).distinct().toList();
        assertThat(ringingTags).as("To tags of the 180s alice got: both contacts rang\n" + alice.describe())
                .hasSize(2);
    }
}
