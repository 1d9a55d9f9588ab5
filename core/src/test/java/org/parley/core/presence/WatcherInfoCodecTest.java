package org.parley.core.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.core.presence.WatcherInfoCodec.Watcher;
import org.parley.core.presence.WatcherInfoCodec.WatcherList;

class WatcherInfoCodecTest {
    @Test
    void parsesTheRfc3857Example() {
        WatcherInfoCodec.Document d = WatcherInfoCodec.parse(Fixtures.bytes("rfc3857-watcherinfo.xml"));
        assertThat(d.version()).isZero();
        assertThat(d.full()).isTrue();
        assertThat(d.lists()).hasSize(1);
        WatcherList l = d.lists().get(0);
        assertThat(l.resource()).isEqualTo("sip:professor@example.net");
        assertThat(l.eventPackage()).isEqualTo("presence");
        assertThat(l.watchers()).containsExactly(
                new Watcher("8ajksjda7s", "sip:userA@example.net", "active", "approved", null),
                new Watcher("hh8juja87s997-ass7", "sip:userB@example.org", "pending", "subscribe", "Mr. Subscriber"));
    }

    @Test
    void buildThenParseRoundTrips() {
        WatcherInfoCodec.Document d = new WatcherInfoCodec.Document(3, false, List.of(new WatcherList(
                "sip:alice@parley.test", "presence", List.of(
                        new Watcher("w1", "sip:bob@parley.test", "active", "subscribe", "Bob \"B\" <Test>"),
                        new Watcher("w2", "sip:carol@parley.test", "terminated", "timeout", null)))));
        byte[] xml = WatcherInfoCodec.build(d);
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("state=\"partial\"")
                .doesNotContain("display-name=\"\"");
        assertThat(WatcherInfoCodec.parse(xml)).isEqualTo(d);
    }

    @Test
    void refusesOtherDocuments() {
        assertThatThrownBy(() -> WatcherInfoCodec.parse("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\"/>"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(PresenceFormatException.class);
    }
}
