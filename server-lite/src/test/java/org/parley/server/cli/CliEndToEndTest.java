package org.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.testsupport.TestServerExtension;

/** Two `parley cli` users driven through stdin/stdout against a real server over loopback. */
class CliEndToEndTest {
    private static final String ALICE = "sip:alice@parley.test";
    private static final String BOB = "sip:bob@parley.test";

    @RegisterExtension
    final TestServerExtension ext = TestServerExtension.withUsers("alice", "bob", "carol");

    @TempDir
    Path tmp;

    private CliDriver alice() throws Exception {
        return CliDriver.signIn(ext.server().tlsPort(), "tls", "alice", "pw-alice", tmp.resolve("alice"));
    }

    private CliDriver bob(String transport) throws Exception {
        return CliDriver.signIn(ext.server().sipPort(), transport, "bob", "pw-bob", tmp.resolve("bob"));
    }

    @Test
    void twoUsersSeeEachOthersPresenceFilteredByTheLevelEachGaveTheOther() throws Exception {
        try (CliDriver alice = alice(); CliDriver bob = bob("tcp")) {
            alice.ok("contact add bob");
            bob.ok("contact add alice");
            alice.ok("presence set busy");
            alice.ok("presence note Back at 3");
            alice.ok("presence location Home");

            JsonNode company = bob.presence(ALICE, e -> "busy".equals(e.path("state").asText()) && e.has("note"));
            assertThat(company.path("note").asText()).as("Company sees the note").isEqualTo("Back at 3");
            assertThat(company.has("location")).as("Company never sees the location").isFalse();
            assertThat(company.path("card").has("mobilePhone")).isFalse();

            alice.ok("contact level bob team");
            JsonNode team = bob.presence(ALICE, e -> e.has("location"));
            assertThat(team.path("location").asText()).isEqualTo("Home");
            assertThat(team.path("note").asText()).isEqualTo("Back at 3");

            alice.ok("contact level bob public");
            JsonNode pub = bob.presence(ALICE, e -> !e.has("note") && !e.has("location"));
            assertThat(pub.path("availability").asText()).isEqualTo("busy");

            alice.ok("contact level bob blocked");
            bob.presence(ALICE, e -> "offline".equals(e.path("state").asText()));
            JsonNode refused = bob.run("im alice are you there?");
            assertThat(refused.path("event").asText()).as("a blocked user's IM is refused").isEqualTo("error");

            // and the other way round: bob left alice at the default level (Company)
            bob.ok("presence set be-right-back");
            JsonNode ofBob = alice.presence(BOB, e -> "be-right-back".equals(e.path("state").asText()));
            assertThat(ofBob.path("availability").asText()).isEqualTo("away");
            assertThat(alice.quit()).isZero();
            assertThat(bob.quit()).isZero();
        }
    }

    @Test
    void imsFlowBothWaysAndOneSentWhileOfflineArrivesAtTheNextSignIn() throws Exception {
        try (CliDriver alice = alice()) {
            try (CliDriver bob = bob("udp")) {
                JsonNode sent = alice.ok("im bob Hello Bob");
                assertThat(sent.path("delivery").asText()).isEqualTo("delivered");
                JsonNode got = bob.expect(e -> "im".equals(e.path("event").asText()), Duration.ofSeconds(10));
                assertThat(got.path("from").asText()).isEqualTo(ALICE);
                assertThat(got.path("text").asText()).isEqualTo("Hello Bob");
                assertThat(bob.ok("im alice Hi Alice").path("delivery").asText()).isEqualTo("delivered");
                assertThat(alice.expect(e -> "im".equals(e.path("event").asText()), Duration.ofSeconds(10))
                        .path("text").asText()).isEqualTo("Hi Alice");
                assertThat(bob.quit()).isZero();
            }
            assertThat(alice.ok("im bob first while you were out").path("delivery").asText()).isEqualTo("stored");
            assertThat(alice.ok("im bob second while you were out").path("delivery").asText()).isEqualTo("stored");
            try (CliDriver bob = bob("tcp")) {
                JsonNode first = bob.expect(e -> "im".equals(e.path("event").asText()), Duration.ofSeconds(10));
                JsonNode second = bob.expect(e -> "im".equals(e.path("event").asText()), Duration.ofSeconds(10));
                assertThat(first.path("text").asText()).isEqualTo("first while you were out");
                assertThat(second.path("text").asText()).isEqualTo("second while you were out");
                assertThat(first.path("delivery").asText()).isEqualTo("received-offline");
                JsonNode history = bob.ok("history search while you were out");
                assertThat(history.path("messages")).hasSize(2);
                assertThat(bob.quit()).isZero();
            }
            assertThat(alice.quit()).isZero();
        }
    }

    @Test
    void wrongPasswordEndsWithAnErrorEventAndExitStatus8() throws Exception {
        try (CliDriver bad = new CliDriver("--server", "127.0.0.1:" + ext.server().sipPort(), "--user", "alice@parley.test",
                "--password-stdin", "--transport", "tcp", "--data", tmp.resolve("bad").toString())) {
            bad.send("not-the-password");
            JsonNode e = bad.expect(n -> "error".equals(n.path("event").asText()), Duration.ofSeconds(20));
            assertThat(e.path("code").asText()).isEqualTo("AUTHENTICATION_FAILED");
            assertThat(bad.exitCode()).isEqualTo(8);
        }
    }

    @Test
    void aBadCommandGetsAnErrorEventAndTheSessionGoesOn() throws Exception {
        try (CliDriver bob = bob("udp")) {
            JsonNode e = bob.run("presence set sleepy");
            assertThat(e.path("event").asText()).isEqualTo("error");
            assertThat(e.path("code").asText()).isEqualTo("INVALID_ARGUMENT");
            assertThat(e.path("message").asText()).contains("available");
            assertThat(bob.run("frobnicate").path("event").asText()).isEqualTo("error");
            JsonNode search = bob.ok("search ali");
            assertThat(search.path("entries").get(0).path("uri").asText()).isEqualTo(ALICE);
            assertThat(bob.quit()).isZero();
        }
    }
}
