package org.parley.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VisibilityTest {
    private static final PresenceInfo FULL = new PresenceInfo(Availability.BUSY, PresenceState.IN_A_CALL, "On site visit",
            "Back at 3", "Home", List.of(DeviceKind.DESKTOP, DeviceKind.MOBILE), Instant.parse("2026-11-21T10:00:00Z"));
    private static final ContactCard CARD = new ContactCard("sip:bob@d", "Bob B", "Engineer", "Acme", "R&D", "bob@acme.test",
            "+1 555 0100", "+1 555 0101", "+1 555 0102");

    @Test
    void blockedSeesOfflineAndOnlyTheName() {
        assertThat(Visibility.presence(FULL, AccessLevel.BLOCKED)).isEqualTo(PresenceInfo.OFFLINE);
        assertThat(Visibility.card(CARD, AccessLevel.BLOCKED)).isEqualTo(ContactCard.of("sip:bob@d", "Bob B"));
    }

    @Test
    void publicSeesAvailabilityOnlyAndNoPhones() {
        PresenceInfo p = Visibility.presence(FULL, AccessLevel.PUBLIC);
        assertThat(p.availability()).isEqualTo(Availability.BUSY);
        assertThat(p.state()).isEqualTo(PresenceState.BUSY);
        assertThat(p.note()).isNull();
        assertThat(p.location()).isNull();
        assertThat(p.customState()).isNull();
        assertThat(p.devices()).isEmpty();
        assertThat(p.idleSince()).isNull();
        ContactCard c = Visibility.card(CARD, AccessLevel.PUBLIC);
        assertThat(c.title()).isEqualTo("Engineer");
        assertThat(c.email()).isEqualTo("bob@acme.test");
        assertThat(c.workPhone()).isNull();
        assertThat(c.mobilePhone()).isNull();
        assertThat(c.homePhone()).isNull();
    }

    @Test
    void companySeesStateNoteAndWorkPhoneButNoLocationOrDevices() {
        PresenceInfo p = Visibility.presence(FULL, AccessLevel.COMPANY);
        assertThat(p.state()).isEqualTo(PresenceState.IN_A_CALL);
        assertThat(p.customState()).isEqualTo("On site visit");
        assertThat(p.note()).isEqualTo("Back at 3");
        assertThat(p.location()).isNull();
        assertThat(p.devices()).isEmpty();
        assertThat(p.idleSince()).isNull();
        ContactCard c = Visibility.card(CARD, AccessLevel.COMPANY);
        assertThat(c.workPhone()).isEqualTo("+1 555 0100");
        assertThat(c.mobilePhone()).isNull();
        assertThat(c.homePhone()).isNull();
    }

    @Test
    void teamSeesEverythingButTheHomePhoneAndMayInterruptDnd() {
        assertThat(Visibility.presence(FULL, AccessLevel.TEAM)).isEqualTo(FULL);
        ContactCard c = Visibility.card(CARD, AccessLevel.TEAM);
        assertThat(c.mobilePhone()).isEqualTo("+1 555 0101");
        assertThat(c.homePhone()).isNull();
        assertThat(Visibility.mayInterruptDnd(AccessLevel.TEAM)).isTrue();
        assertThat(Visibility.mayInterruptDnd(AccessLevel.COMPANY)).isFalse();
    }

    @Test
    void personalSeesEverythingButIsHeldDuringDnd() {
        assertThat(Visibility.presence(FULL, AccessLevel.PERSONAL)).isEqualTo(FULL);
        assertThat(Visibility.card(CARD, AccessLevel.PERSONAL)).isEqualTo(CARD);
        assertThat(Visibility.mayInterruptDnd(AccessLevel.PERSONAL)).as("only Team breaks through DND").isFalse();
    }

    @Test
    void wireNamesParseBackAndUnknownOnesAreRefusedWithTheChoices() {
        for (PresenceState s : PresenceState.values()) {
            assertThat(PresenceState.fromWire(s.wireName())).isEqualTo(s);
        }
        assertThat(PresenceState.fromWire("DND")).isEqualTo(PresenceState.DO_NOT_DISTURB);
        assertThat(PresenceState.fromWire("Be right back")).isEqualTo(PresenceState.BE_RIGHT_BACK);
        for (AccessLevel l : AccessLevel.values()) {
            assertThat(AccessLevel.fromWire(l.wireName())).isEqualTo(l);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AccessLevel.fromWire("friends"))
                .hasMessageContaining("team");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PresenceState.fromWire("sleepy"))
                .hasMessageContaining("available");
    }
}
