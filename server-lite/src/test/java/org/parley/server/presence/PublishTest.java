package org.parley.server.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.model.Availability;
import org.parley.core.model.DeviceKind;
import org.parley.core.model.PresenceInfo;
import org.parley.core.model.PresenceState;
import org.parley.core.presence.PidfCodec;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.SipTestClient;
import org.parley.server.testsupport.SipTestClient.Transport;

/** PUBLISH over real SIP (RFC 3903): authentication, refusals, entity tags, expiry and aggregation. */
class PublishTest {
    @RegisterExtension
    final PresenceServer parley = new PresenceServer();

    private static PresenceInfo state(PresenceState s) {
        return PresenceInfo.of(s);
    }

    @Test
    void publishWithoutCredentialsGets407() throws IOException {
        try (PresenceClient alice = parley.client(Transport.UDP, "alice")) {
            alice.sip.send("PUBLISH sip:alice@parley.test SIP/2.0\n"
                    + "Via: " + alice.sip.via(SipTestClient.newBranch()) + "\n"
                    + "Max-Forwards: 70\nFrom: <sip:alice@parley.test>;tag=1\nTo: <sip:alice@parley.test>\n"
                    + "Call-ID: p407@test\nCSeq: 1 PUBLISH\nEvent: presence\nExpires: 600\n"
                    + "Content-Type: application/pidf+xml\n\n"
                    + new String(alice.pidf(state(PresenceState.AVAILABLE), false, "d1", DeviceKind.DESKTOP)));
            SipMessage r = alice.sip.expectResponse(PresenceClient.WAIT);
            assertThat(r.status()).isEqualTo(407);
            assertThat(r.header("proxy-authenticate")).startsWith("Digest");
            assertThat(parley.server().presence().stateOf("alice")).isEqualTo(PresenceState.OFFLINE);
        }
    }

    @Test
    void publishForSomeoneElseGets403() throws IOException {
        try (PresenceClient alice = parley.client(Transport.UDP, "alice")) {
            SipMessage r = alice.publish("bob", "presence", 600, null, PidfCodec.CONTENT_TYPE,
                    alice.pidf(state(PresenceState.AWAY), false, "d1", null));
            assertThat(r.status()).isEqualTo(403);
            assertThat(parley.server().presence().stateOf("bob")).isEqualTo(PresenceState.OFFLINE);
        }
    }

    @Test
    void wrongEventGets489AndWrongBodyGets415() throws IOException {
        try (PresenceClient alice = parley.client(Transport.UDP, "alice")) {
            byte[] pidf = alice.pidf(state(PresenceState.AWAY), false, "d1", null);
            SipMessage badEvent = alice.publish("alice", "dialog", 600, null, PidfCodec.CONTENT_TYPE, pidf);
            assertThat(badEvent.status()).isEqualTo(489);
            assertThat(badEvent.header("allow-events")).isEqualTo("presence");
            SipMessage badBody = alice.publish("alice", "presence", 600, null, "text/plain", "away".getBytes());
            assertThat(badBody.status()).isEqualTo(415);
            assertThat(badBody.header("accept")).isEqualTo(PidfCodec.CONTENT_TYPE);
            SipMessage garbage = alice.publish("alice", "presence", 600, null, PidfCodec.CONTENT_TYPE, "<presence".getBytes());
            assertThat(garbage.status()).isEqualTo(400);
        }
    }

    @Test
    void expiresBelowSixtyGets423WithMinExpires() throws IOException {
        try (PresenceClient alice = parley.client(Transport.UDP, "alice")) {
            SipMessage r = alice.publish("alice", "presence", 30, null, PidfCodec.CONTENT_TYPE,
                    alice.pidf(state(PresenceState.AWAY), false, "d1", null));
            assertThat(r.status()).isEqualTo(423);
            assertThat(r.header("min-expires")).isEqualTo("60");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void refreshModifyAndRemoveWithSipIfMatch(Transport transport) throws IOException {
        try (PresenceClient alice = parley.client(transport, "alice")) {
            String etag = alice.publishOk(state(PresenceState.AWAY), false, "d1", DeviceKind.DESKTOP);
            assertThat(etag).isNotBlank();
            assertThat(parley.server().presence().stateOf("alice")).isEqualTo(PresenceState.AWAY);

            SipMessage refreshed = alice.publish("alice", "presence", 900, etag, null, null);
            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(refreshed.header("expires")).isEqualTo("900");
            String etag2 = refreshed.header("sip-etag");
            assertThat(etag2).isNotBlank().isNotEqualTo(etag);

            SipMessage stale = alice.publish("alice", "presence", 900, etag, null, null);
            assertThat(stale.status()).as("the replaced entity tag is no longer valid").isEqualTo(412);

            SipMessage modified = alice.publish("alice", "presence", 900, etag2, PidfCodec.CONTENT_TYPE,
                    alice.pidf(state(PresenceState.BUSY), true, "d1", DeviceKind.DESKTOP));
            assertThat(modified.status()).isEqualTo(200);
            assertThat(parley.server().presence().stateOf("alice")).isEqualTo(PresenceState.BUSY);

            SipMessage removed = alice.publish("alice", "presence", 0, modified.header("sip-etag"), null, null);
            assertThat(removed.status()).isEqualTo(200);
            assertThat(parley.server().presence().stateOf("alice")).isEqualTo(PresenceState.OFFLINE);
            assertThat(parley.server().presence().publications("alice")).isZero();
        }
    }

    @Test
    void unknownEntityTagGets412() throws IOException {
        try (PresenceClient alice = parley.client(Transport.UDP, "alice")) {
            assertThat(alice.publish("alice", "presence", 600, "nope", null, null).status()).isEqualTo(412);
        }
    }

    @Test
    void expiryMakesTheUserOfflineAndTellsStateListeners() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        parley.server().presence().addListener((user, before, after) -> events.add(user + ":" + before + "->" + after));
        try (PresenceClient alice = parley.client(Transport.UDP, "alice")) {
            SipMessage ok = alice.publish("alice", "presence", 60, null, PidfCodec.CONTENT_TYPE,
                    alice.pidf(state(PresenceState.AVAILABLE), false, "d1", DeviceKind.DESKTOP));
            assertThat(ok.header("expires")).isEqualTo("60");
            assertThat(parley.server().presence().stateOf("alice")).isEqualTo(PresenceState.AVAILABLE);
            parley.clock.advance(Duration.ofSeconds(59));
            Thread.sleep(1500);
            assertThat(parley.server().presence().stateOf("alice")).as("not yet expired").isEqualTo(PresenceState.AVAILABLE);
            parley.clock.advance(Duration.ofSeconds(2));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (parley.server().presence().stateOf("alice") != PresenceState.OFFLINE && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(parley.server().presence().stateOf("alice")).isEqualTo(PresenceState.OFFLINE);
            assertThat(events).containsExactly("alice:OFFLINE->AVAILABLE", "alice:AVAILABLE->OFFLINE");
        }
    }

    @Test
    void unregisteringTheLastDeviceMakesTheUserOfflineAtOnce() throws IOException {
        try (PresenceClient alice = parley.client(Transport.UDP, "alice")) {
            assertThat(alice.sip.registerWithDigest(org.parley.server.testsupport.TestServer.password("alice"), 600,
                    org.parley.core.sip.DigestAlgorithm.MD5).status()).isEqualTo(200);
            alice.publishOk(state(PresenceState.BUSY), true, "d1", DeviceKind.DESKTOP);
            assertThat(parley.server().presence().stateOf("alice")).isEqualTo(PresenceState.BUSY);
            assertThat(alice.sip.registerWithDigest(org.parley.server.testsupport.TestServer.password("alice"), 0,
                    org.parley.core.sip.DigestAlgorithm.MD5).status()).isEqualTo(200);
            assertThat(parley.server().presence().stateOf("alice")).isEqualTo(PresenceState.OFFLINE);
        }
    }

    @Test
    void aCallOnOneDeviceMakesTheUserInACall() throws IOException {
        try (PresenceClient desk = parley.client(Transport.UDP, "alice");
             PresenceClient phone = parley.client(Transport.TCP, "alice")) {
            desk.publishOk(state(PresenceState.AVAILABLE), false, "desk", DeviceKind.DESKTOP);
            phone.publishOk(state(PresenceState.IN_A_CALL), false, "phone", DeviceKind.PHONE);
            PresenceInfo p = parley.server().presence().presenceOf("alice");
            assertThat(p.state()).isEqualTo(PresenceState.IN_A_CALL);
            assertThat(p.availability()).isEqualTo(Availability.BUSY);
            assertThat(p.devices()).containsExactlyInAnyOrder(DeviceKind.DESKTOP, DeviceKind.PHONE);
        }
    }

    @Test
    void manualDoNotDisturbOnOneDeviceWinsOverAvailableOnAnother() throws IOException {
        try (PresenceClient desk = parley.client(Transport.UDP, "alice");
             PresenceClient mobile = parley.client(Transport.UDP, "alice")) {
            mobile.publishOk(state(PresenceState.DO_NOT_DISTURB), true, "mobile", DeviceKind.MOBILE);
            desk.publishOk(state(PresenceState.AVAILABLE), false, "desk", DeviceKind.DESKTOP);
            assertThat(parley.server().presence().stateOf("alice")).isEqualTo(PresenceState.DO_NOT_DISTURB);
        }
    }

    @Test
    void phoneOnlyWhenOnlyAPhonePublishes() throws IOException {
        try (PresenceClient phone = parley.client(Transport.UDP, "alice")) {
            phone.publishOk(state(PresenceState.AVAILABLE), false, "p", DeviceKind.PHONE);
            assertThat(parley.server().presence().presenceOf("alice").phoneOnly()).isTrue();
        }
    }
}
