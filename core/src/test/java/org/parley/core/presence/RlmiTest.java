package org.parley.core.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.core.model.PresenceInfo;
import org.parley.core.model.PresenceState;

class RlmiTest {
    private static final String RFC_TYPE = "multipart/related;type=\"application/rlmi+xml\";"
            + "start=\"<nXYxAE@pres.vancouver.example.com>\";boundary=\"50UBfW7LSCVLtggUPe5z\"";

    @Test
    void parsesTheRfc4662Example() {
        Rlmi.Parsed p = Rlmi.parse(RFC_TYPE, Fixtures.bytes("rfc4662-notify-body.txt"));
        assertThat(p.listUri()).isEqualTo("sip:adam-friends@pres.vancouver.example.com");
        assertThat(p.version()).isEqualTo(1);
        assertThat(p.fullState()).isTrue();
        assertThat(p.pidfByUri()).containsOnlyKeys("sip:bob@vancouver.example.com", "sip:dave@vancouver.example.com");
        assertThat(p.names()).containsEntry("sip:ed@dallas.example.net", "Ed at NET");
        assertThat(PidfCodec.decode(p.pidfByUri().get("sip:bob@vancouver.example.com")).presence().state())
                .isEqualTo(PresenceState.AVAILABLE);
        assertThat(PidfCodec.decode(p.pidfByUri().get("sip:dave@vancouver.example.com")).presence().state())
                .isEqualTo(PresenceState.OFFLINE);
    }

    @Test
    void buildThenParseGivesBackEveryResourcesDocument() {
        byte[] bob = PidfCodec.encodeView("sip:bob@parley.test", PresenceInfo.of(PresenceState.BUSY), null);
        byte[] carol = PidfCodec.encodeView("sip:carol@parley.test", new PresenceInfo(null, PresenceState.AWAY, null,
                "Zürich — café", null, List.of(), null), null);
        Rlmi.Body body = Rlmi.build("sip:alice~contacts@parley.test", 7, false, List.of(
                new Rlmi.Resource("sip:bob@parley.test", "Bob", bob),
                new Rlmi.Resource("sip:carol@parley.test", null, carol),
                new Rlmi.Resource("sip:dan@parley.test", null, null)));
        assertThat(body.contentType()).startsWith("multipart/related;type=\"application/rlmi+xml\"")
                .contains("boundary=").contains("start=\"<");
        String raw = new String(body.content(), StandardCharsets.UTF_8);
        assertThat(raw).contains("fullState=\"false\"").contains("version=\"7\"").contains("Content-ID: <");

        Rlmi.Parsed p = Rlmi.parse(body.contentType(), body.content());
        assertThat(p.version()).isEqualTo(7);
        assertThat(p.fullState()).isFalse();
        assertThat(p.listUri()).isEqualTo("sip:alice~contacts@parley.test");
        assertThat(p.pidfByUri()).containsOnlyKeys("sip:bob@parley.test", "sip:carol@parley.test");
        assertThat(p.pidfByUri().get("sip:bob@parley.test")).isEqualTo(bob);
        assertThat(p.pidfByUri().get("sip:carol@parley.test")).isEqualTo(carol);
        assertThat(PidfCodec.decode(p.pidfByUri().get("sip:carol@parley.test")).presence().note()).isEqualTo("Zürich — café");
        assertThat(p.names()).containsEntry("sip:bob@parley.test", "Bob");
    }

    @Test
    void emptyListBuildsAndParses() {
        Rlmi.Body body = Rlmi.build("sip:alice~contacts@parley.test", 0, true, List.of());
        Rlmi.Parsed p = Rlmi.parse(body.contentType(), body.content());
        assertThat(p.fullState()).isTrue();
        assertThat(p.pidfByUri()).isEmpty();
    }

    @Test
    void refusesBodiesThatAreNotMultipartRlmi() {
        assertThatThrownBy(() -> Rlmi.parse("application/pidf+xml", new byte[] {1}))
                .isInstanceOf(PresenceFormatException.class);
        assertThatThrownBy(() -> Rlmi.parse("multipart/related;boundary=x", "--x\r\nContent-Type: text/plain\r\n\r\nhi\r\n--x--\r\n"
                .getBytes(StandardCharsets.US_ASCII))).isInstanceOf(PresenceFormatException.class);
    }
}
