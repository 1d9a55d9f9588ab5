package org.parley.server.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.core.contacts.ServiceCodec;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.ContactCard;
import org.parley.core.model.ContactKind;
import org.parley.core.model.DirectoryEntry;
import org.parley.core.model.DirectoryPage;
import org.parley.server.store.Database;
import org.parley.server.store.SqliteDialect;
import org.parley.server.testsupport.ServiceClient;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;
import org.parley.server.users.UserCredentials;
import org.parley.server.users.UserProfile;

class DirectoryTest {
    private static final String D = TestServer.DOMAIN;
    private static final String SAM = "sip:sam@" + D;

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("sam");

    private void user(String name, String display, String email, String work, String mobile, String home) {
        parley.server().users().add(new UserProfile(name, display, "Engineer", "R&D", email, work, mobile, home),
                UserCredentials.fromPassword(name, D, TestServer.password(name)));
    }

    @BeforeEach
    void directory() {
        user("ann", "Ann Lee", "ann@acme.test", "+1 555 0100 100", "+1 555 0199 100", "+1 555 0188 100");
        user("annabel", "Annabel Smith", "as@acme.test", null, null, null);
        user("mary", "Mary Ann Jones", "mj@acme.test", null, null, null);
        user("hannah", "Hannah Ng", "hn@acme.test", null, null, null);
        user("joanna", "Joanna Brown", "jb@acme.test", null, null, null);
        try (Database db = Database.open(parley.dataDir(), new SqliteDialect())) {
            new DistributionGroups(db, Clock.systemUTC()).add("annual-report", "Annual report team", List.of("ann", "hannah"));
        }
    }

    private DirectoryPage search(ServiceClient c, String query, int page, int pageSize) throws IOException {
        return ServiceCodec.directoryPage(ServiceCodec.write(c.ok(ServiceCodec.directorySearch(query, page, pageSize))));
    }

    private static List<String> names(DirectoryPage p) {
        List<String> out = new ArrayList<>();
        for (DirectoryEntry e : p.entries()) {
            out.add(e.card().displayName());
        }
        return out;
    }

    /** ann grants sam this level (through her own contact list). */
    private void annGrantsSam(AccessLevel level) {
        ContactLists lists = parley.server().contactLists();
        if (lists.get("ann").contact(SAM).isEmpty()) {
            lists.add("ann", SAM, null);
        }
        lists.update("ann", SAM, null, null, true, level);
    }

    @Test
    void exactMatchesComeBeforePrefixBeforeSubstring() throws IOException {
        try (ServiceClient sam = new ServiceClient(parley.server(), "sam")) {
            DirectoryPage p = search(sam, "ANN", 0, 20);
            assertThat(names(p)).containsExactly("Ann Lee", // user name equals the query
                    "Annabel Smith", "Annual report team", "Mary Ann Jones", // a field or a word of the name starts with it
                    "Hannah Ng", "Joanna Brown"); // anywhere
            assertThat(p.total()).isEqualTo(6);
            assertThat(p.entries().get(2).kind()).isEqualTo(ContactKind.DISTRIBUTION_GROUP);
            assertThat(p.entries().get(2).card().uri()).isEqualTo("sip:annual-report@" + D);
            assertThat(p.entries().get(0).kind()).isEqualTo(ContactKind.USER);
            assertThat(p.entries().get(0).card().uri()).isEqualTo("sip:ann@" + D);
        }
    }

    @Test
    void pagesSplitTheResultsAndCarryTheTotal() throws IOException {
        try (ServiceClient sam = new ServiceClient(parley.server(), "sam")) {
            DirectoryPage p0 = search(sam, "ann", 0, 2);
            DirectoryPage p1 = search(sam, "ann", 1, 2);
            DirectoryPage p2 = search(sam, "ann", 2, 2);
            DirectoryPage p3 = search(sam, "ann", 3, 2);
            assertThat(names(p0)).containsExactly("Ann Lee", "Annabel Smith");
            assertThat(names(p1)).containsExactly("Annual report team", "Mary Ann Jones");
            assertThat(names(p2)).containsExactly("Hannah Ng", "Joanna Brown");
            assertThat(p3.entries()).isEmpty();
            assertThat(List.of(p0.total(), p1.total(), p2.total(), p3.total())).containsOnly(6);
            assertThat(p1.page()).isEqualTo(1);
            assertThat(p1.pageSize()).isEqualTo(2);

            JsonNode defaults = sam.ok("{\"op\":\"directory.search\",\"query\":\"ann\"}");
            assertThat(defaults.path("page").asInt()).isZero();
            assertThat(defaults.path("pageSize").asInt()).isEqualTo(20);
            assertThat(sam.fails(ServiceCodec.directorySearch("ann", 0, 101), 400)).contains("1 to 100");
            assertThat(sam.fails(ServiceCodec.directorySearch("ann", -1, 10), 400)).contains("page");
            assertThat(sam.fails(ServiceCodec.directorySearch("  ", 0, 10), 400)).contains("search");
            assertThat(sam.fails("{\"op\":\"directory.search\",\"query\":\"a\",\"page\":\"x\"}", 400)).contains("whole number");
        }
    }

    @Test
    void searchFindsUsersByEmailAndByPhoneDigits() throws IOException {
        try (ServiceClient sam = new ServiceClient(parley.server(), "sam")) {
            assertThat(names(search(sam, "Ann@Acme.test", 0, 20))).containsExactly("Ann Lee");
            assertThat(names(search(sam, "mj@", 0, 20))).containsExactly("Mary Ann Jones");
            assertThat(names(search(sam, "+1 (555) 0100-100", 0, 20))).as("work phone, any notation").containsExactly("Ann Lee");
            assertThat(names(search(sam, "0100", 0, 20))).as("part of the number").containsExactly("Ann Lee");
            assertThat(search(sam, "0199", 0, 20).entries()).as("mobile is not Company's to see").isEmpty();
            annGrantsSam(AccessLevel.TEAM);
            assertThat(names(search(sam, "0199", 0, 20))).as("Team sees the mobile").containsExactly("Ann Lee");
            assertThat(search(sam, "0188", 0, 20).entries()).as("home phone is never searched").isEmpty();
        }
    }

    @Test
    void resultsShowOnlyTheFieldsTheFoundUserGrantsTheSearcher() throws IOException {
        try (ServiceClient sam = new ServiceClient(parley.server(), "sam")) {
            annGrantsSam(AccessLevel.BLOCKED);
            JsonNode blocked = annCard(sam);
            assertThat(fieldNames(blocked)).containsExactlyInAnyOrder("uri", "displayName");
            assertThat(search(sam, "ann@acme.test", 0, 20).entries()).as("a hidden e-mail cannot be searched").isEmpty();

            annGrantsSam(AccessLevel.PUBLIC);
            assertThat(fieldNames(annCard(sam))).containsExactlyInAnyOrder("uri", "displayName", "title", "company",
                    "department", "email");

            annGrantsSam(null); // default: Company, same domain
            JsonNode company = annCard(sam);
            assertThat(fieldNames(company)).containsExactlyInAnyOrder("uri", "displayName", "title", "company",
                    "department", "email", "workPhone");
            assertThat(company.path("workPhone").asText()).isEqualTo("+1 555 0100 100");

            annGrantsSam(AccessLevel.TEAM);
            assertThat(fieldNames(annCard(sam))).contains("mobilePhone").doesNotContain("homePhone");

            annGrantsSam(AccessLevel.PERSONAL);
            JsonNode personal = annCard(sam);
            assertThat(fieldNames(personal)).contains("mobilePhone", "homePhone");
            assertThat(personal.path("homePhone").asText()).isEqualTo("+1 555 0188 100");
        }
    }

    private static JsonNode annCard(ServiceClient sam) throws IOException {
        JsonNode page = sam.ok(ServiceCodec.directorySearch("ann", 0, 1));
        JsonNode card = page.path("entries").get(0).path("card");
        assertThat(card.path("uri").asText()).isEqualTo("sip:ann@" + D);
        return card;
    }

    private static List<String> fieldNames(JsonNode card) {
        List<String> out = new ArrayList<>();
        card.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void distributionGroupExpandsToItsMembersFilteredPerMember() throws IOException {
        annGrantsSam(AccessLevel.BLOCKED);
        try (ServiceClient sam = new ServiceClient(parley.server(), "sam")) {
            List<ContactCard> members = ServiceCodec.members(ServiceCodec.write(
                    sam.ok(ServiceCodec.groupsExpand("sip:Annual-Report@" + D))));
            assertThat(members).extracting(ContactCard::uri).containsExactly("sip:ann@" + D, "sip:hannah@" + D);
            assertThat(members.get(0)).isEqualTo(ContactCard.of("sip:ann@" + D, "Ann Lee"));
            assertThat(members.get(1).email()).isEqualTo("hn@acme.test");
            assertThat(sam.fails(ServiceCodec.groupsExpand("sip:nogroup@" + D), 404)).contains("no distribution group");
            assertThat(sam.fails(ServiceCodec.groupsExpand("sip:ann@" + D), 404)).contains("no distribution group");

            var list = ServiceCodec.contactList(sam.ok(ServiceCodec.contactsAdd("sip:annual-report@" + D, null)));
            var group = list.contact("sip:annual-report@" + D).orElseThrow();
            assertThat(group.kind()).isEqualTo(ContactKind.DISTRIBUTION_GROUP);
            assertThat(group.displayName()).isEqualTo("Annual report team");
            assertThat(parley.server().contactLists().presenceUris("sam")).as("groups have no presence").isEmpty();
        }
    }
}
