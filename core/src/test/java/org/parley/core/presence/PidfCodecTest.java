package org.parley.core.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.Availability;
import org.parley.core.model.ContactCard;
import org.parley.core.model.DeviceKind;
import org.parley.core.model.PresenceInfo;
import org.parley.core.model.PresenceState;
import org.parley.core.model.Visibility;

class PidfCodecTest {
    private static final String ALICE = "sip:alice@parley.test";
    private static final Instant IDLE = Instant.parse("2026-11-21T10:00:00Z");
    private static final PresenceInfo FULL = new PresenceInfo(Availability.BUSY, PresenceState.IN_A_CALL,
            "Working from home", "Back at 3 <ish> & later", "Home", List.of(DeviceKind.DESKTOP, DeviceKind.PHONE), IDLE);
    private static final ContactCard CARD = new ContactCard(ALICE, "Alice Test", "Engineer", "Parley", "R&D",
            "alice@parley.test", "+1 555 0100", "+1 555 0101", "+1 555 0102");

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void publicationRoundTripsEveryField() {
        PidfCodec.Publication p = new PidfCodec.Publication(FULL, true, "dev-42", DeviceKind.MOBILE);
        byte[] xml = PidfCodec.encodePublication(ALICE, p);
        PidfCodec.Decoded d = PidfCodec.decode(xml);
        assertThat(d.entity()).isEqualTo(ALICE);
        assertThat(d.manual()).isTrue();
        assertThat(d.deviceId()).isEqualTo("dev-42");
        assertThat(d.deviceKind()).isEqualTo(DeviceKind.MOBILE);
        assertThat(d.presence().state()).isEqualTo(PresenceState.IN_A_CALL);
        assertThat(d.presence().availability()).isEqualTo(Availability.BUSY);
        assertThat(d.presence().customState()).isEqualTo("Working from home");
        assertThat(d.presence().note()).isEqualTo("Back at 3 <ish> & later");
        assertThat(d.presence().location()).isEqualTo("Home");
        assertThat(d.presence().idleSince()).isEqualTo(IDLE);
        assertThat(d.presence().devices()).containsExactly(DeviceKind.MOBILE);
        assertThat(d.card()).isNull();
        assertThat(text(xml)).contains("<rpid:on-the-phone").contains("<tuple id=\"t-dev-42\"")
                .contains("<pp:state manual=\"true\">in-a-call</pp:state>").contains("&lt;ish&gt; &amp; later");
    }

    @Test
    void nullFieldsAreAbsentFromThePublication() {
        PidfCodec.Publication p = new PidfCodec.Publication(PresenceInfo.of(PresenceState.AVAILABLE), false, "d1", null);
        String xml = text(PidfCodec.encodePublication(ALICE, p));
        assertThat(xml).doesNotContain("note").doesNotContain("pp:custom").doesNotContain("pp:location")
                .doesNotContain("idle-since").doesNotContain("pp:kind").doesNotContain("manual")
                .doesNotContain("activities").contains("<basic>open</basic>");
        PidfCodec.Decoded d = PidfCodec.decode(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(d.manual()).isFalse();
        assertThat(d.presence().note()).isNull();
        assertThat(d.presence().customState()).isNull();
        assertThat(d.presence().devices()).isEmpty();
    }

    /** A client that ignores pp:state still gets the state through basic status and RPID (docs/protocol.md). */
    @ParameterizedTest
    @EnumSource(value = PresenceState.class, names = {"UNKNOWN"}, mode = EnumSource.Mode.EXCLUDE)
    void everyStateSurvivesForClientsThatOnlyReadRpid(PresenceState state) {
        byte[] xml = PidfCodec.encodePublication(ALICE, new PidfCodec.Publication(PresenceInfo.of(state), false, "d", null));
        String withoutPp = text(xml).replaceAll("<pp:state[^>]*>[^<]*</pp:state>", "");
        PresenceState read = PidfCodec.decode(withoutPp.getBytes(StandardCharsets.UTF_8)).presence().state();
        PresenceState expected = switch (state) {
            case DO_NOT_DISTURB -> PresenceState.BUSY;
            case IN_A_CONFERENCE -> PresenceState.IN_A_CALL;
            case BE_RIGHT_BACK -> PresenceState.AWAY;
            default -> state;
        };
        assertThat(read).isEqualTo(expected);
        assertThat(read.availability()).isIn(state.availability(),
                state == PresenceState.DO_NOT_DISTURB ? Availability.BUSY : state.availability());
    }

    @Test
    void offlineIsBasicClosed() {
        String xml = text(PidfCodec.encodePublication(ALICE, new PidfCodec.Publication(PresenceInfo.OFFLINE, false, "d", null)));
        assertThat(xml).contains("<basic>closed</basic>");
    }

    @ParameterizedTest
    @EnumSource(AccessLevel.class)
    void eachAccessLevelsDocumentCarriesExactlyTheAllowedFields(AccessLevel level) {
        PresenceInfo seen = Visibility.presence(FULL, level);
        ContactCard card = Visibility.card(CARD, level);
        String xml = text(PidfCodec.encodeView(ALICE, seen, card));
        PidfCodec.Decoded d = PidfCodec.decode(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(d.presence()).isEqualTo(seen);
        assertThat(d.card()).isEqualTo(card);
        assertThat(xml).contains("<pp:display-name>Alice Test</pp:display-name>");
        boolean atLeastPublic = level.atLeast(AccessLevel.PUBLIC);
        boolean atLeastCompany = level.atLeast(AccessLevel.COMPANY);
        boolean atLeastTeam = level.atLeast(AccessLevel.TEAM);
        assertPresent(xml, "<pp:title>", atLeastPublic);
        assertPresent(xml, "<pp:company>", atLeastPublic);
        assertPresent(xml, "<pp:department>", atLeastPublic);
        assertPresent(xml, "<pp:email>", atLeastPublic);
        assertPresent(xml, "type=\"work\"", atLeastCompany);
        assertPresent(xml, "Back at 3", atLeastCompany);
        assertPresent(xml, "Working from home", atLeastCompany);
        assertPresent(xml, ">in-a-call<", atLeastCompany);
        assertPresent(xml, "on-the-phone", atLeastCompany);
        assertPresent(xml, "type=\"mobile\"", atLeastTeam);
        assertPresent(xml, "<pp:location>", atLeastTeam);
        assertPresent(xml, "<dm:device", atLeastTeam);
        assertPresent(xml, "idle-since", atLeastTeam);
        assertPresent(xml, "type=\"home\"", level == AccessLevel.PERSONAL);
        assertPresent(xml, "<basic>closed</basic>", level == AccessLevel.BLOCKED);
        assertPresent(xml, "<basic>open</basic>", level != AccessLevel.BLOCKED);
        if (level == AccessLevel.PUBLIC) {
            assertThat(d.presence().state()).isEqualTo(PresenceState.BUSY);
            assertThat(xml).contains(">busy</pp:state>");
        }
    }

    private static void assertPresent(String xml, String fragment, boolean present) {
        if (present) {
            assertThat(xml).contains(fragment);
        } else {
            assertThat(xml).doesNotContain(fragment);
        }
    }

    @Test
    void readsTheRfc3863Example() {
        PidfCodec.Decoded d = PidfCodec.decode(Fixtures.bytes("rfc3863-basic.xml"));
        assertThat(d.entity()).isEqualTo("pres:someone@example.com");
        assertThat(d.presence().state()).isEqualTo(PresenceState.AVAILABLE);
        assertThat(d.presence().note()).isEqualTo("Gone fishing");
        assertThat(d.card()).isNull();
        assertThat(d.manual()).isFalse();
    }

    @Test
    void readsTheRfc4480ExampleAsInactiveWithItsNoteAndIdleTime() {
        PidfCodec.Decoded d = PidfCodec.decode(Fixtures.bytes("rfc4480-rpid.xml"));
        assertThat(d.presence().state()).isEqualTo(PresenceState.INACTIVE);
        assertThat(d.presence().availability()).isEqualTo(Availability.AWAY);
        assertThat(d.presence().note()).isEqualTo("Busy with paperwork");
        assertThat(d.presence().idleSince()).isEqualTo(Instant.parse("2005-05-30T06:50:00Z"));
        assertThat(d.deviceId()).isEqualTo("urn:device:0003:5ec3:3c4f");
    }

    @Test
    void readsBaresipBusyAndClosed() {
        assertThat(PidfCodec.decode(Fixtures.bytes("baresip-busy.xml")).presence().state()).isEqualTo(PresenceState.BUSY);
        assertThat(PidfCodec.decode(Fixtures.bytes("baresip-closed.xml")).presence().state()).isEqualTo(PresenceState.OFFLINE);
    }

    @Test
    void readsLinphoneAwayWithNote() {
        PidfCodec.Decoded d = PidfCodec.decode(Fixtures.bytes("linphone-away.xml"));
        assertThat(d.presence().state()).isEqualTo(PresenceState.AWAY);
        assertThat(d.presence().note()).isEqualTo("Coffee");
        assertThat(d.entity()).isEqualTo("sip:dave@parley.test");
    }

    @Test
    void readsOlderRpidDraftPersonAndTupleNote() {
        PidfCodec.Decoded d = PidfCodec.decode(Fixtures.bytes("old-rpid-person-on-the-phone.xml"));
        assertThat(d.presence().state()).isEqualTo(PresenceState.IN_A_CALL);
        assertThat(d.presence().note()).isEqualTo("On a call with a customer");
    }

    @Test
    void refusesDocumentsWithADtd() {
        assertThatThrownBy(() -> PidfCodec.decode(Fixtures.bytes("xxe.xml"))).isInstanceOf(PresenceFormatException.class);
    }

    @Test
    void refusesNonPidfAndGarbage() {
        assertThatThrownBy(() -> PidfCodec.decode("<x/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PresenceFormatException.class);
        assertThatThrownBy(() -> PidfCodec.decode("<presence".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PresenceFormatException.class);
        assertThatThrownBy(() -> PidfCodec.decode(new byte[0])).isInstanceOf(PresenceFormatException.class);
    }

    @Test
    void unknownPpStateFallsBackToRpid() {
        String xml = text(PidfCodec.encodePublication(ALICE, new PidfCodec.Publication(PresenceInfo.of(PresenceState.AWAY), false, "d", null)))
                .replace(">away</pp:state>", ">on-mars</pp:state>");
        assertThat(PidfCodec.decode(xml.getBytes(StandardCharsets.UTF_8)).presence().state()).isEqualTo(PresenceState.AWAY);
    }
}
