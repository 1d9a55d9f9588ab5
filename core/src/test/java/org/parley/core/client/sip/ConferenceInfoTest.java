package org.parley.core.client.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.parley.core.client.ConferencingService.Member;
import org.parley.core.client.ConferencingService.Status;

/** Reading RFC 4575 conference-info documents into a roster, and merging notifications in a room. */
class ConferenceInfoTest {

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ConferenceInfoTest.class.getResourceAsStream("/conference/" + name)) {
            assertThat(in).as("fixture " + name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static byte[] doc(String state, long version, String users) {
        return ("<?xml version=\"1.0\"?><conference-info xmlns=\"urn:ietf:params:xml:ns:conference-info\""
                + " entity=\"sip:conf-abcd1234@parley.test\" state=\"" + state + "\" version=\"" + version + "\">"
                + "<conference-description><subject>Conference</subject><display-text>sip:alice@parley.test"
                + "</display-text></conference-description><users>" + users + "</users></conference-info>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String user(String aor, String name, String status) {
        return "<user entity=\"" + aor + "\">" + (name == null ? "" : "<display-text>" + name + "</display-text>")
                + "<endpoint entity=\"" + aor + "\"><status>" + status + "</status></endpoint></user>";
    }

    @Test
    void theRfc4575ShapedExampleGivesEveryUserWithTheStatusOfItsMostPresentEndpoint() throws IOException {
        ConferenceInfo info = ConferenceInfo.parse(fixture("rfc4575-full.xml"));

        assertThat(info.entity()).isEqualTo("sips:conf233@example.com");
        assertThat(info.state()).isEqualTo("full");
        assertThat(info.partial()).isFalse();
        assertThat(info.version()).isEqualTo(1);
        assertThat(info.subject()).isEqualTo("Plans for the next quarter");
        assertThat(info.organizer()).as("the description's own display text, not an entry's")
                .isEqualTo("Quarterly planning");
        assertThat(info.userCount()).isEqualTo(3);
        assertThat(info.users()).containsExactly(
                new ConferenceInfo.User("sip:bob@example.com", "Bob Hoskins", "full", Status.CONNECTED),
                new ConferenceInfo.User("sip:alice@example.com", "Alice", "full", Status.CONNECTED),
                new ConferenceInfo.User("sip:carol@example.com", "Carol", "full", Status.DISCONNECTED));
    }

    @Test
    void theExampleBecomesTheRosterOfARoom() throws IOException {
        ConferenceRoom room = new ConferenceRoom("conf233", "sips:conf233@example.com", "call-1", null, null);

        assertThat(room.apply(ConferenceInfo.parse(fixture("rfc4575-full.xml")))).isTrue();

        assertThat(room.snapshot().roster()).containsExactly(
                new Member("sip:bob@example.com", "Bob Hoskins", Status.CONNECTED),
                new Member("sip:alice@example.com", "Alice", Status.CONNECTED),
                new Member("sip:carol@example.com", "Carol", Status.DISCONNECTED));
        assertThat(room.snapshot().organizer()).isEqualTo("Quarterly planning");
        assertThat(room.snapshot().callId()).isEqualTo("call-1");
    }

    @Test
    void endpointStatusValuesMapToRosterStatus() {
        assertThat(ConferenceInfo.status("connected")).isEqualTo(Status.CONNECTED);
        assertThat(ConferenceInfo.status("muted-via-focus")).isEqualTo(Status.CONNECTED);
        assertThat(ConferenceInfo.status("on-hold")).isEqualTo(Status.ON_HOLD);
        assertThat(ConferenceInfo.status("disconnected")).isEqualTo(Status.DISCONNECTED);
        assertThat(ConferenceInfo.status("disconnecting")).isEqualTo(Status.DISCONNECTED);
        assertThat(ConferenceInfo.status("alerting")).isEqualTo(Status.PENDING);
        assertThat(ConferenceInfo.status("dialing-in")).isEqualTo(Status.PENDING);
        assertThat(ConferenceInfo.status(null)).isEqualTo(Status.PENDING);
    }

    @Test
    void aFullNotificationReplacesTheRosterAndAnOlderOneIsIgnored() {
        ConferenceRoom room = new ConferenceRoom("abcd1234", "sip:conf-abcd1234@parley.test", "leg", null, null);
        room.apply(ConferenceInfo.parse(doc("full", 1, user("sip:alice@parley.test", "Alice", "connected")
                + user("sip:carl@parley.test", "Carl", "connected"))));

        boolean changed = room.apply(ConferenceInfo.parse(doc("full", 2,
                user("sip:alice@parley.test", "Alice", "on-hold") + user("sip:bob@parley.test", null, "connected"))));
        boolean stale = room.apply(ConferenceInfo.parse(doc("full", 2, user("sip:zed@parley.test", "Zed", "connected"))));

        assertThat(changed).isTrue();
        assertThat(stale).as("same version again").isFalse();
        assertThat(room.snapshot().roster()).containsExactly(
                new Member("sip:alice@parley.test", "Alice", Status.ON_HOLD),
                new Member("sip:bob@parley.test", null, Status.CONNECTED));
        assertThat(room.snapshot().organizer()).isEqualTo("sip:alice@parley.test");
    }

    @Test
    void aPartialNotificationUpdatesAddsAndDeletesSingleUsers() {
        ConferenceRoom room = new ConferenceRoom("abcd1234", "sip:conf-abcd1234@parley.test", "leg", null, null);
        room.apply(ConferenceInfo.parse(doc("full", 1, user("sip:alice@parley.test", "Alice", "connected")
                + user("sip:carl@parley.test", "Carl", "connected"))));

        room.apply(ConferenceInfo.parse(doc("partial", 2,
                "<user entity=\"sip:carl@parley.test\" state=\"deleted\"/>"
                        + "<user entity=\"sip:alice@parley.test\" state=\"partial\"><endpoint entity=\"x\">"
                        + "<status>on-hold</status></endpoint></user>"
                        + user("sip:dave@parley.test", "Dave", "alerting"))));

        assertThat(room.snapshot().roster()).containsExactly(
                new Member("sip:alice@parley.test", "Alice", Status.ON_HOLD),
                new Member("sip:dave@parley.test", "Dave", Status.PENDING));
    }

    @Test
    void aDocumentWithADoctypeIsRefusedSoNoEntityIsEverExpanded() {
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<conference-info xmlns=\"urn:ietf:params:xml:ns:conference-info\" entity=\"sip:conf-a@b\">"
                + "<users><user entity=\"sip:a@b\"><display-text>&x;</display-text></user></users>"
                + "</conference-info>").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ConferenceInfo.parse(xxe)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed");
    }

    @Test
    void somethingElseThanConferenceInfoIsRefused() {
        assertThatThrownBy(() -> ConferenceInfo.parse("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\"/>"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a conference-info");
        assertThatThrownBy(() -> ConferenceInfo.parse(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConferenceInfo.parse("<conference-info".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOrganizerIsTheUriInTheDisplayTextWhenThereIsOne() {
        assertThat(ConferenceRoom.organizerOf("sip:bob@parley.test")).isEqualTo("sip:bob@parley.test");
        assertThat(ConferenceRoom.organizerOf("Bob Boss <sip:bob@parley.test>")).isEqualTo("sip:bob@parley.test");
        assertThat(ConferenceRoom.organizerOf("Organizer: sip:bob@parley.test")).isEqualTo("sip:bob@parley.test");
        assertThat(ConferenceRoom.organizerOf("Bob Boss")).isEqualTo("Bob Boss");
        assertThat(ConferenceRoom.organizerOf("  ")).isNull();
    }

    @Test
    void onlyConfUsersOfTheContractAreConferenceRooms() {
        assertThat(ConferenceRoom.idOf("sip:conf-k3x9a0b1c2d3@parley.test")).isEqualTo("k3x9a0b1c2d3");
        assertThat(ConferenceRoom.idOf("<sip:conf-team-weekly@parley.test>")).isEqualTo("team-weekly");
        assertThat(ConferenceRoom.idOf("sip:conf-abc@parley.test")).as("id too short").isNull();
        assertThat(ConferenceRoom.idOf("sip:conf--abcd@parley.test")).as("id starts with a dash").isNull();
        assertThat(ConferenceRoom.idOf("sip:alice@parley.test")).isNull();
        assertThat(ConferenceRoom.idOf("tel:+15555550100")).isNull();
    }
}
