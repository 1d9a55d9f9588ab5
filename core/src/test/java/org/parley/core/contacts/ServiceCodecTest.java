package org.parley.core.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.Contact;
import org.parley.core.model.ContactCard;
import org.parley.core.model.ContactGroup;
import org.parley.core.model.ContactKind;
import org.parley.core.model.ContactList;
import org.parley.core.model.DirectoryEntry;
import org.parley.core.model.DirectoryPage;

class ServiceCodecTest {

    private static JsonNode json(String text) {
        return ServiceCodec.parseObject(text);
    }

    @Test
    void requestBodiesCarryTheOpAndItsArguments() {
        assertThat(json(ServiceCodec.contactsGet()).path("op").asText()).isEqualTo("contacts.get");
        JsonNode add = json(ServiceCodec.contactsAdd("sip:bob@parley.local", "g1"));
        assertThat(add.path("op").asText()).isEqualTo("contacts.add");
        assertThat(add.path("uri").asText()).isEqualTo("sip:bob@parley.local");
        assertThat(add.path("group").asText()).isEqualTo("g1");
        JsonNode phone = json(ServiceCodec.contactsAddPhone("Plumber", "+1 (555) 010-2000", null));
        assertThat(phone.path("displayName").asText()).isEqualTo("Plumber");
        assertThat(phone.path("number").asText()).isEqualTo("+1 (555) 010-2000");
        assertThat(phone.has("group")).isFalse();
        assertThat(json(ServiceCodec.contactsRemove("tel:+15550102000")).path("op").asText()).isEqualTo("contacts.remove");
        JsonNode search = json(ServiceCodec.directorySearch("ali", 2, 50));
        assertThat(search.path("op").asText()).isEqualTo("directory.search");
        assertThat(search.path("page").asInt()).isEqualTo(2);
        assertThat(search.path("pageSize").asInt()).isEqualTo(50);
        assertThat(json(ServiceCodec.groupsExpand("sip:sales@parley.local")).path("uri").asText())
                .isEqualTo("sip:sales@parley.local");
        JsonNode rename = json(ServiceCodec.groupsRename("g1", "Friends"));
        assertThat(rename.path("op").asText()).isEqualTo("groups.rename");
        assertThat(rename.path("name").asText()).isEqualTo("Friends");
        assertThat(json(ServiceCodec.groupsAdd("Team")).path("name").asText()).isEqualTo("Team");
        assertThat(json(ServiceCodec.groupsRemove("g1")).path("id").asText()).isEqualTo("g1");
    }

    @Test
    void updateRequestsSetOnlyWhatChanges() {
        JsonNode tag = json(ServiceCodec.contactsSetTagged("sip:bob@d", true));
        assertThat(tag.path("op").asText()).isEqualTo("contacts.update");
        assertThat(tag.path("tagged").asBoolean()).isTrue();
        assertThat(tag.has("groups")).isFalse();
        assertThat(tag.has("accessLevel")).isFalse();

        JsonNode groups = json(ServiceCodec.contactsSetGroups("sip:bob@d", List.of("a", "b")));
        assertThat(groups.path("groups")).hasSize(2);
        assertThat(groups.has("tagged")).isFalse();

        assertThat(json(ServiceCodec.contactsSetAccessLevel("sip:bob@d", AccessLevel.TEAM)).path("accessLevel").asText())
                .isEqualTo("team");
        assertThat(json(ServiceCodec.contactsSetAccessLevel("sip:bob@d", null)).path("accessLevel").asText())
                .isEqualTo("default");
        assertThat(json(ServiceCodec.groupsSetAccessLevel("g1", AccessLevel.BLOCKED)).path("accessLevel").asText())
                .isEqualTo("blocked");
    }

    @Test
    void contactListRoundTripsAndOmitsAbsentValues() {
        ContactList list = new ContactList(7,
                List.of(new ContactGroup("g1", "Team", AccessLevel.TEAM), new ContactGroup("g2", "Others", null)),
                List.of(new Contact("sip:bob@d", "Bob B", ContactKind.USER, List.of("g1"), true, null, AccessLevel.TEAM),
                        new Contact("tel:+15550102000", "Plumber", ContactKind.PHONE, List.of(), false, null, AccessLevel.PUBLIC),
                        new Contact("sip:sales@d", "Sales", ContactKind.DISTRIBUTION_GROUP, List.of(), false,
                                AccessLevel.PERSONAL, AccessLevel.PERSONAL)));
        String text = ServiceCodec.write(ServiceCodec.toJson(list));
        assertThat(text).doesNotContain("null");
        assertThat(text).contains("\"kind\":\"distribution-group\"").contains("\"effectiveLevel\":\"team\"");
        assertThat(ServiceCodec.contactList(text)).isEqualTo(list);
    }

    @Test
    void readerAcceptsExplicitNullsAndMissingOptionalKeys() {
        ContactList l = ServiceCodec.contactList("{\"version\":3,\"groups\":[{\"id\":\"1\",\"name\":\"A\",\"accessLevel\":null}],"
                + "\"contacts\":[{\"uri\":\"sip:x@d\",\"accessLevel\":null}]}");
        assertThat(l.version()).isEqualTo(3);
        assertThat(l.groups().get(0).accessLevel()).isNull();
        Contact c = l.contacts().get(0);
        assertThat(c.kind()).isEqualTo(ContactKind.USER);
        assertThat(c.groupIds()).isEmpty();
        assertThat(c.tagged()).isFalse();
        assertThat(c.accessLevel()).isNull();
    }

    @Test
    void cardOmitsFieldsTheLevelHides() {
        ContactCard card = new ContactCard("sip:bob@d", "Bob", "CTO", "Acme", null, "bob@acme.test", "+1 555", null, null);
        String text = ServiceCodec.write(ServiceCodec.toJson(card));
        assertThat(text).doesNotContain("department").doesNotContain("mobilePhone").doesNotContain("homePhone")
                .doesNotContain("null");
        assertThat(ServiceCodec.card(json(text))).isEqualTo(card);
    }

    @Test
    void directoryPageRoundTrips() {
        DirectoryPage page = new DirectoryPage("bo", 1, 20, 23, List.of(
                new DirectoryEntry(ContactKind.USER, ContactCard.of("sip:bob@d", "Bob")),
                new DirectoryEntry(ContactKind.DISTRIBUTION_GROUP, ContactCard.of("sip:board@d", "Board"))));
        String text = ServiceCodec.write(ServiceCodec.toJson(page));
        assertThat(ServiceCodec.directoryPage(text)).isEqualTo(page);
    }

    @Test
    void membersRoundTrip() {
        List<ContactCard> cards = List.of(ContactCard.of("sip:a@d", "A"), ContactCard.of("sip:b@d", "B"));
        assertThat(ServiceCodec.members(ServiceCodec.write(ServiceCodec.members(cards)))).isEqualTo(cards);
    }

    @Test
    void errorBodyGivesItsMessageOrTheFallback() {
        assertThat(ServiceCodec.errorMessage(ServiceCodec.write(ServiceCodec.error("no such contact")), "x"))
                .isEqualTo("no such contact");
        assertThat(ServiceCodec.errorMessage("", "Not Found")).isEqualTo("Not Found");
        assertThat(ServiceCodec.errorMessage("<html>", "Not Found")).isEqualTo("Not Found");
    }

    @Test
    void malformedBodiesAreInvalidArguments() {
        for (String bad : new String[] {"", "[1,2]", "{\"op\":", "42"}) {
            assertThatThrownBy(() -> ServiceCodec.parseObject(bad))
                    .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        }
        assertThatThrownBy(() -> ServiceCodec.contactList("{\"contacts\":[{\"displayName\":\"no uri\"}]}"))
                .isInstanceOf(ParleyException.class).hasMessageContaining("uri");
    }

    @Test
    void defaultLevelReadsAsNoLevel() {
        assertThat(ServiceCodec.accessLevel("default")).isNull();
        assertThat(ServiceCodec.accessLevel(null)).isNull();
        assertThat(ServiceCodec.accessLevel("Personal")).isEqualTo(AccessLevel.PERSONAL);
        assertThatThrownBy(() -> ServiceCodec.accessLevel("friends")).isInstanceOf(ParleyException.class);
    }
}
