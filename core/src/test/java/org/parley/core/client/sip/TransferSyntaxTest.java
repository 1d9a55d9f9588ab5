package org.parley.core.client.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.parley.core.client.CallTarget;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.EndReason;
import org.parley.core.client.TelephonyService.State;

/** The text formats of transfer: Refer-To with an escaped Replaces, Replaces, sipfrag bodies, redirect Contacts. */
class TransferSyntaxTest {

    @Test
    void referToOfRfc3515SectionTwoOneYieldsTheTargetAndItsReplaces() {
        Replaces.ReferTo r = Replaces.ReferTo.parse(
                "<sip:alice@phone2.example.org?Replaces=12345%40phone1.example.org%3Bto-tag%3D12345%3Bfrom-tag%3D5FFE-3994>");
        assertThat(r.uri()).isEqualTo("sip:alice@phone2.example.org");
        Replaces replaces = Replaces.parse(r.header("replaces"));
        assertThat(replaces).isEqualTo(new Replaces("12345@phone1.example.org", "12345", "5FFE-3994", false));
    }

    @Test
    void lowerCaseEscapesAndTagsInAnyOrderAreRead() {
        Replaces.ReferTo r = Replaces.ReferTo.parse(
                "Transfer <sips:a8342043f@atlanta.example.com?Replaces=12345601%40atlanta.example.com%3bfrom-tag%3d314159%3bto-tag%3d1234567>;x=y");
        assertThat(r.uri()).isEqualTo("sips:a8342043f@atlanta.example.com");
        assertThat(Replaces.parse(r.header("Replaces")))
                .isEqualTo(new Replaces("12345601@atlanta.example.com", "1234567", "314159", false));
    }

    @Test
    void replacesWrittenIntoAUriIsEscapedAndReadBackTheSame() {
        Replaces original = new Replaces("a84b4c76e66710@pc33.example.com", "as8!7~x", "z9%hG.4", true);
        String uri = original.inUri("sip:carol@parley.test;user=phone");
        assertThat(uri).startsWith("sip:carol@parley.test;user=phone?Replaces=a84b4c76e66710%40pc33.example.com%3Bto-tag%3D")
                .doesNotContain("@pc33").doesNotContain(";to-tag");
        Replaces.ReferTo back = Replaces.ReferTo.parse("<" + uri + ">");
        assertThat(back.uri()).isEqualTo("sip:carol@parley.test;user=phone");
        assertThat(Replaces.parse(back.header("Replaces"))).isEqualTo(original);
    }

    @Test
    void replacesMatchesOnlyItsOwnDialogFromTheReceiversSide() {
        Replaces r = Replaces.parse("425928@bobster.example.org;to-tag=7743;from-tag=6472");
        assertThat(r.matches("425928@bobster.example.org", "7743", "6472")).isTrue();
        assertThat(r.matches("425928@bobster.example.org", "6472", "7743")).isFalse();
        assertThat(r.matches("other@bobster.example.org", "7743", "6472")).isFalse();
        assertThat(Replaces.parse("425928@bobster.example.org;to-tag=7743")).isNull();
        assertThat(Replaces.escape("+1 555")).isEqualTo("+1%20555");
        assertThat(Replaces.unescape("+1%20555")).isEqualTo("+1 555");
    }

    @Test
    void sipfragStatusLinesAreRead() {
        assertThat(Sipfrag.status(bytes("SIP/2.0 100 Trying\r\n"))).isEqualTo(100);
        assertThat(Sipfrag.status(bytes("SIP/2.0 200 OK\r\nContact: <sip:x@y>\r\n"))).isEqualTo(200);
        assertThat(Sipfrag.status(bytes("SIP/2.0 503 Service Unavailable"))).isEqualTo(503);
        assertThat(Sipfrag.describe(bytes("SIP/2.0 603 Declined\r\n"))).isEqualTo("603 Declined");
        assertThat(Sipfrag.status(bytes("INVITE sip:bob@example.org SIP/2.0\r\n"))).isEqualTo(-1);
        assertThat(Sipfrag.status(null)).isEqualTo(-1);
        assertThat(Sipfrag.statusLine(200, "OK")).isEqualTo("SIP/2.0 200 OK\r\n");
    }

    @Test
    void aFailedNewCallIsReportedWithItsFinalStatusOrAFittingOne() {
        assertThat(ReferredCall.statusLine(ended(EndReason.NOT_FOUND, "404 Not Found"))).isEqualTo("SIP/2.0 404 Not Found\r\n");
        assertThat(ReferredCall.statusLine(ended(EndReason.LOCAL_HANGUP, "cancelled before the answer")))
                .isEqualTo("SIP/2.0 487 Request Terminated\r\n");
        assertThat(ReferredCall.statusLine(ended(EndReason.FAILED, "no answer from the server")))
                .isEqualTo("SIP/2.0 503 Service Unavailable\r\n");
    }

    @Test
    void redirectContactsForEachKindOfTarget() {
        assertThat(Redirects.contactFor(CallTarget.user("carol"), "parley.test", "bob")).isEqualTo("sip:carol@parley.test");
        assertThat(Redirects.contactFor(CallTarget.user("carol@other.org"), "parley.test", "bob")).isEqualTo("sip:carol@other.org");
        assertThat(Redirects.contactFor(CallTarget.number("+44 (20) 7946-0000"), "parley.test", "bob"))
                .isEqualTo("sip:+442079460000@parley.test;user=phone");
        assertThat(Redirects.contactFor(CallTarget.voicemail(), "parley.test", "bob"))
                .isEqualTo("sip:voicemail@parley.test;mailbox=bob");
        assertThat(Redirects.user("sip:bob@parley.test")).isEqualTo("bob");
        assertThat(ReferHandling.bare("\"Alice\" <sip:Alice@Parley.test;transport=tls>;x=1")).isEqualTo("sip:alice@parley.test");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Call ended(EndReason reason, String detail) {
        return new Call("id", "sip:carol@parley.test", null, Direction.OUTGOING, State.ENDED, null, false, null, null, 0,
                null, 0, null, null, false, null, null, false, reason, detail);
    }
}
