package org.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.testsupport.TestServerExtension;

/** Calls between two `parley cli` users through a real server: what a script types and the call events it reads. */
class CliCallTest {
    @RegisterExtension
    final TestServerExtension ext = TestServerExtension.withUsers("alice", "bob");

    @TempDir
    Path tmp;

    private CliDriver user(String name, String transport, String... audio) throws Exception {
        int port = "tls".equals(transport) ? ext.server().tlsPort() : ext.server().sipPort();
        String[] base = {"--server", "127.0.0.1:" + port, "--user", name + "@parley.test", "--password-stdin",
                "--transport", transport, "--data", tmp.resolve(name).toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + audio.length);
        System.arraycopy(audio, 0, args, base.length, audio.length);
        CliDriver d = new CliDriver(args);
        d.send("pw-" + name);
        d.expect(e -> "signed-in".equals(e.path("event").asText()), Duration.ofSeconds(20));
        return d;
    }

    private static JsonNode callEvent(CliDriver d, String state) {
        return d.expect(e -> "call".equals(e.path("event").asText()) && state.equals(e.path("state").asText())
                && !e.has("command"), Duration.ofSeconds(15));
    }

    @Test
    void aliceCallsBobWithASubjectBobAnswersHoldResumeAndHangupShowOnBothSides() throws Exception {
        try (CliDriver alice = user("alice", "tls"); CliDriver bob = user("bob", "tcp")) {
            JsonNode placed = alice.ok("call bob --subject \"Budget review\" --urgent");
            assertThat(placed.path("event").asText()).isEqualTo("call-placed");
            String aliceCall = placed.path("id").asText();

            JsonNode incoming = callEvent(bob, "incoming");
            assertThat(incoming.path("peer").asText()).contains("alice@parley.test");
            assertThat(incoming.path("subject").asText()).isEqualTo("Budget review");
            assertThat(incoming.path("urgent").asBoolean()).isTrue();
            assertThat(incoming.path("direction").asText()).isEqualTo("incoming");
            callEvent(alice, "ringing");

            bob.ok("answer");
            JsonNode connected = callEvent(alice, "connected");
            assertThat(connected.path("id").asText()).isEqualTo(aliceCall);
            assertThat(connected.path("media").asText()).isEqualTo("sendrecv");
            assertThat(connected.path("codec").asText()).isNotEmpty();
            callEvent(bob, "connected");

            alice.ok("hold");
            assertThat(callEvent(alice, "held").path("media").asText()).isEqualTo("sendonly");
            assertThat(callEvent(bob, "remote-held").path("media").asText()).isEqualTo("recvonly");
            JsonNode again = alice.run("hold");
            assertThat(again.path("event").asText()).as("nothing left to hold: %s", again).isEqualTo("error");
            assertThat(again.path("message").asText()).startsWith("no connected call (calls: " + aliceCall);

            alice.ok("resume " + aliceCall.substring(0, 8));
            callEvent(alice, "connected");
            callEvent(bob, "connected");

            bob.ok("hangup");
            assertThat(callEvent(bob, "ended").path("endReason").asText()).isEqualTo("local-hangup");
            assertThat(callEvent(alice, "ended").path("endReason").asText()).isEqualTo("remote-hangup");
            assertThat(alice.ok("calls").path("calls")).isEmpty();
            assertThat(alice.quit()).isZero();
            assertThat(bob.quit()).isZero();
        }
    }

    @Test
    void aScriptAwaitsTheCallStatesItNeedsAndADeclinedCallEndsAsDeclined() throws Exception {
        try (CliDriver alice = user("alice", "udp"); CliDriver bob = user("bob", "udp")) {
            alice.ok("call sip:bob@parley.test");
            bob.ok("await incoming");
            bob.ok("decline");
            JsonNode ended = alice.ok("await ended");
            assertThat(ended.path("endReason").asText()).isEqualTo("declined");
            JsonNode nothing = bob.run("answer");
            assertThat(nothing.path("code").asText()).isEqualTo("NOT_FOUND");
            assertThat(nothing.path("message").asText()).isEqualTo("no incoming call");
            JsonNode unknown = alice.run("call");
            assertThat(unknown.path("message").asText()).startsWith("usage: call TARGET");
        }
    }

    @Test
    void headlessCallsCarryEachSidesToneToTheOthersRecordingAndMuteAndDtmfAnswer() throws Exception {
        Path aliceHeard = tmp.resolve("alice-heard.wav");
        Path bobHeard = tmp.resolve("bob-heard.wav");
        try (CliDriver alice = user("alice", "tls", "--tone", "440", "--audio-out", aliceHeard.toString());
             CliDriver bob = user("bob", "udp", "--tone", "1000", "--audio-out", bobHeard.toString())) {
            alice.ok("call bob");
            bob.ok("await incoming");
            bob.ok("answer");
            JsonNode connected = alice.ok("await connected");
            assertThat(connected.path("codec").asText()).as("Opus is preferred: %s", connected).startsWithIgnoringCase("opus");
            alice.ok("wait 2.5");
            alice.ok("dtmf 1#");
            bob.ok("mute on");
            bob.expect(e -> "call".equals(e.path("event").asText()) && e.path("muted").asBoolean(), Duration.ofSeconds(5));
            bob.ok("mute off");
            alice.ok("hangup");
            bob.ok("await ended");
            assertThat(alice.quit()).isZero();
            assertThat(bob.quit()).isZero();
        }
        // each recording is written when its call's media stops
        org.parley.core.media.Wav.Pcm a = org.parley.core.media.Wav.read(aliceHeard);
        org.parley.core.media.Wav.Pcm b = org.parley.core.media.Wav.read(bobHeard);
        double aliceHearsBob = org.parley.core.media.Goertzel.power(a.samples(), a.sampleRate(), 1000);
        double aliceHearsHerself = org.parley.core.media.Goertzel.power(a.samples(), a.sampleRate(), 440);
        double bobHearsAlice = org.parley.core.media.Goertzel.power(b.samples(), b.sampleRate(), 440);
        double bobHearsHimself = org.parley.core.media.Goertzel.power(b.samples(), b.sampleRate(), 1000);
        String measured = String.format("alice heard %.1f s (1000 Hz %.3g, 440 Hz %.3g); bob heard %.1f s (440 Hz %.3g, 1000 Hz %.3g)",
                a.seconds(), aliceHearsBob, aliceHearsHerself, b.seconds(), bobHearsAlice, bobHearsHimself);
        assertThat(a.seconds()).as(measured).isGreaterThan(1.5);
        assertThat(b.seconds()).as(measured).isGreaterThan(1.5);
        assertThat(aliceHearsBob).as(measured).isGreaterThan(20 * aliceHearsHerself);
        assertThat(bobHearsAlice).as(measured).isGreaterThan(20 * bobHearsHimself);
    }
}
