package org.parley.server.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.core.contacts.ServiceCodec;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.Contact;
import org.parley.core.model.ContactKind;
import org.parley.core.model.ContactList;
import org.parley.server.testsupport.ServiceClient;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

class ContactListServiceTest {
    private static final String D = TestServer.DOMAIN;
    private static final String BOB = "sip:bob@" + D;
    private static final String CAROL = "sip:carol@" + D;
    private static final String DAVE = "sip:dave@" + D;

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob", "carol", "dave");

    private ServiceClient alice() throws IOException {
        return new ServiceClient(parley.server(), "alice");
    }

    private static ContactList list(ServiceClient c, String request) throws IOException {
        return ServiceCodec.contactList(c.ok(request));
    }

    private static String groupId(ContactList l, String name) {
        return l.groups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow().id();
    }

    @Test
    void addContactThenGetShowsIt() throws IOException {
        try (ServiceClient alice = alice()) {
            ContactList added = list(alice, ServiceCodec.contactsAdd("sip:Bob@" + D + ";transport=tcp", null));
            assertThat(added.version()).isEqualTo(1);
            ContactList got = list(alice, ServiceCodec.contactsGet());
            assertThat(got).isEqualTo(added);
            Contact bob = got.contact(BOB).orElseThrow();
            assertThat(bob.displayName()).isEqualTo("Bob Test");
            assertThat(bob.kind()).isEqualTo(ContactKind.USER);
            assertThat(bob.groupIds()).isEmpty();
            assertThat(bob.tagged()).isFalse();
            assertThat(bob.accessLevel()).isNull();
            assertThat(bob.effectiveLevel()).isEqualTo(AccessLevel.COMPANY);
        }
        try (ServiceClient bob = new ServiceClient(parley.server(), "bob")) {
            assertThat(list(bob, ServiceCodec.contactsGet()).contacts()).as("bob's own list").isEmpty();
        }
    }

    @Test
    void addUnknownUserGets404() throws IOException {
        try (ServiceClient alice = alice()) {
            assertThat(alice.fails(ServiceCodec.contactsAdd("sip:nobody@" + D, null), 404)).contains("nobody");
            assertThat(list(alice, ServiceCodec.contactsGet()).version()).as("nothing changed").isZero();
        }
    }

    @Test
    void duplicateGets409() throws IOException {
        try (ServiceClient alice = alice()) {
            alice.ok(ServiceCodec.contactsAdd(BOB, null));
            assertThat(alice.fails(ServiceCodec.contactsAdd("sip:BOB@" + D, null), 409)).contains("already");
        }
    }

    @Test
    void addingYourselfOrABadAddressGets400() throws IOException {
        try (ServiceClient alice = alice()) {
            assertThat(alice.fails(ServiceCodec.contactsAdd("sip:alice@" + D, null), 400)).contains("yourself");
            assertThat(alice.fails(ServiceCodec.contactsAdd("sip:" + D, null), 400)).contains("not a contact address");
            assertThat(alice.fails(ServiceCodec.contactsAdd("mailto:bob@example.org", null), 400)).contains("not a contact address");
            assertThat(alice.fails("{\"op\":\"contacts.add\"}", 400)).contains("missing 'uri'");
        }
    }

    @Test
    void contactOfAnotherDomainIsAUserWithPublicDefault() throws IOException {
        try (ServiceClient alice = alice()) {
            Contact x = list(alice, ServiceCodec.contactsAdd("sip:Xavier@Example.ORG:5070", null)).contact("sip:xavier@example.org")
                    .orElseThrow();
            assertThat(x.kind()).isEqualTo(ContactKind.USER);
            assertThat(x.effectiveLevel()).isEqualTo(AccessLevel.PUBLIC);
            list(alice, ServiceCodec.contactsAdd(BOB, null));
            assertThat(parley.server().contactLists().presenceUris("alice")).as("in list order")
                    .containsExactly("sip:xavier@example.org", BOB);
            assertThat(parley.server().contactLists().presenceUris("nobody")).isEmpty();
        }
    }

    @Test
    void groupsAddRenameRemoveKeepingTheirContacts() throws IOException {
        try (ServiceClient alice = alice()) {
            ContactList l = list(alice, ServiceCodec.groupsAdd("Team"));
            String team = groupId(l, "Team");
            l = list(alice, ServiceCodec.groupsAdd("Family"));
            String family = groupId(l, "Family");
            assertThat(alice.fails(ServiceCodec.groupsAdd("team"), 409)).contains("already");
            assertThat(alice.fails(ServiceCodec.groupsAdd("  "), 400)).contains("1 to 64");
            assertThat(alice.fails(ServiceCodec.groupsAdd("x".repeat(65)), 400)).contains("1 to 64");
            list(alice, ServiceCodec.contactsAdd(BOB, team));
            l = list(alice, ServiceCodec.contactsSetGroups(BOB, List.of(team, family)));
            assertThat(l.contact(BOB).orElseThrow().groupIds()).containsExactlyInAnyOrder(team, family);

            l = list(alice, ServiceCodec.groupsRename(team, "Work"));
            assertThat(l.groups()).extracting(g -> g.name()).containsExactly("Work", "Family");
            assertThat(alice.fails(ServiceCodec.groupsRename(team, "FAMILY"), 409)).contains("already");
            assertThat(alice.fails(ServiceCodec.groupsRename("999", "X"), 404)).contains("no group");
            assertThat(alice.fails(ServiceCodec.contactsAdd(CAROL, "nope"), 404)).contains("no group");

            l = list(alice, ServiceCodec.groupsRemove(team));
            assertThat(l.groups()).extracting(g -> g.id()).containsExactly(family);
            assertThat(l.contact(BOB).orElseThrow().groupIds()).containsExactly(family);
            l = list(alice, ServiceCodec.groupsRemove(family));
            assertThat(l.groups()).isEmpty();
            assertThat(l.contact(BOB).orElseThrow().groupIds()).as("the contact stays, in no group").isEmpty();
            assertThat(alice.fails(ServiceCodec.groupsRemove(family), 404)).contains("no group");
        }
        try (ServiceClient bob = new ServiceClient(parley.server(), "bob")) {
            assertThat(bob.fails(ServiceCodec.groupsRemove("1"), 404)).as("alice's groups are not bob's").contains("no group");
        }
    }

    @Test
    void accessLevelIsTheContactsOwnElseTheHighestOfItsGroupsElseTheDefault() throws IOException {
        var policy = parley.server().contactLists();
        try (ServiceClient alice = alice()) {
            ContactList l = list(alice, ServiceCodec.groupsAdd("Team"));
            String team = groupId(l, "Team");
            l = list(alice, ServiceCodec.groupsAdd("Outer"));
            String outer = groupId(l, "Outer");
            list(alice, ServiceCodec.groupsSetAccessLevel(team, AccessLevel.TEAM));
            list(alice, ServiceCodec.groupsSetAccessLevel(outer, AccessLevel.PUBLIC));
            list(alice, ServiceCodec.contactsAdd(BOB, team));
            list(alice, ServiceCodec.contactsAdd(CAROL, outer));
            l = list(alice, ServiceCodec.contactsAdd(DAVE, null));

            assertThat(l.contact(BOB).orElseThrow().effectiveLevel()).as("group level").isEqualTo(AccessLevel.TEAM);
            assertThat(l.contact(CAROL).orElseThrow().effectiveLevel()).isEqualTo(AccessLevel.PUBLIC);
            assertThat(l.contact(DAVE).orElseThrow().effectiveLevel()).as("default").isEqualTo(AccessLevel.COMPANY);
            assertThat(policy.levelFor("alice", BOB)).isEqualTo(AccessLevel.TEAM);
            assertThat(policy.levelFor("alice", CAROL)).isEqualTo(AccessLevel.PUBLIC);
            assertThat(policy.levelFor("alice", DAVE)).isEqualTo(AccessLevel.COMPANY);
            assertThat(policy.levelFor("alice", "sip:stranger@elsewhere.org")).isEqualTo(AccessLevel.PUBLIC);
            assertThat(policy.levelFor("bob", "sip:alice@" + D)).as("bob set nothing").isEqualTo(AccessLevel.COMPANY);

            // highest of several groups
            list(alice, ServiceCodec.contactsSetGroups(CAROL, List.of(outer, team)));
            assertThat(policy.levelFor("alice", CAROL)).isEqualTo(AccessLevel.TEAM);

            // the contact's own level wins over its groups, even when lower
            l = list(alice, ServiceCodec.contactsSetAccessLevel(BOB, AccessLevel.BLOCKED));
            assertThat(l.contact(BOB).orElseThrow().accessLevel()).isEqualTo(AccessLevel.BLOCKED);
            assertThat(l.contact(BOB).orElseThrow().effectiveLevel()).isEqualTo(AccessLevel.BLOCKED);
            assertThat(policy.levelFor("alice", BOB)).isEqualTo(AccessLevel.BLOCKED);
            list(alice, ServiceCodec.contactsSetAccessLevel(DAVE, AccessLevel.PERSONAL));
            assertThat(policy.levelFor("alice", DAVE)).isEqualTo(AccessLevel.PERSONAL);

            // "default" clears it: back to the group's
            l = list(alice, ServiceCodec.contactsSetAccessLevel(BOB, null));
            assertThat(l.contact(BOB).orElseThrow().accessLevel()).isNull();
            assertThat(policy.levelFor("alice", BOB)).isEqualTo(AccessLevel.TEAM);
            list(alice, ServiceCodec.groupsSetAccessLevel(team, null));
            assertThat(policy.levelFor("alice", BOB)).as("group level cleared").isEqualTo(AccessLevel.COMPANY);
            assertThat(policy.levelFor("alice", CAROL)).isEqualTo(AccessLevel.PUBLIC);

            assertThat(alice.fails("{\"op\":\"contacts.update\",\"uri\":\"" + BOB + "\",\"accessLevel\":\"friends\"}", 400))
                    .contains("unknown access level");
            assertThat(alice.fails(ServiceCodec.contactsSetAccessLevel("sip:zed@" + D, AccessLevel.TEAM), 404))
                    .contains("not in your contacts");
        }
    }

    @Test
    void listChangesReachListenersAfterCommitWithTheNewLevels() throws IOException {
        var policy = parley.server().contactLists();
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        policy.addListener(owner -> seen.add(owner + ":" + policy.levelFor(owner, BOB)));
        try (ServiceClient alice = alice()) {
            list(alice, ServiceCodec.contactsAdd(BOB, null));
            list(alice, ServiceCodec.contactsSetAccessLevel(BOB, AccessLevel.TEAM));
        }
        assertThat(seen).containsExactly("alice:COMPANY", "alice:TEAM");
    }

    @Test
    void tagAndUntagAContact() throws IOException {
        try (ServiceClient alice = alice()) {
            list(alice, ServiceCodec.contactsAdd(BOB, null));
            assertThat(list(alice, ServiceCodec.contactsSetTagged(BOB, true)).contact(BOB).orElseThrow().tagged()).isTrue();
            assertThat(list(alice, ServiceCodec.contactsGet()).contact(BOB).orElseThrow().tagged()).isTrue();
            assertThat(list(alice, ServiceCodec.contactsSetTagged(BOB, false)).contact(BOB).orElseThrow().tagged()).isFalse();
            assertThat(alice.fails("{\"op\":\"contacts.update\",\"uri\":\"" + BOB + "\",\"tagged\":\"yes\"}", 400))
                    .contains("true or false");
            assertThat(alice.fails("{\"op\":\"contacts.update\",\"uri\":\"" + BOB + "\"}", 400)).contains("nothing to update");
        }
    }

    @Test
    void phoneContactsAreStoredAsTelPlusDigits() throws IOException {
        try (ServiceClient alice = alice()) {
            ContactList l = list(alice, ServiceCodec.contactsAddPhone("Plumber", "+1 (555) 010-2000", null));
            Contact plumber = l.contact("tel:+15550102000").orElseThrow();
            assertThat(plumber.kind()).isEqualTo(ContactKind.PHONE);
            assertThat(plumber.displayName()).isEqualTo("Plumber");
            l = list(alice, ServiceCodec.contactsAddPhone("London office", "00 44 20 7946 0000", null));
            assertThat(l.contact("tel:+442079460000")).isPresent();
            assertThat(alice.fails(ServiceCodec.contactsAddPhone("Again", "tel:+1-555-010-2000", null), 409)).contains("already");
            assertThat(alice.fails(ServiceCodec.contactsAddPhone("Local", "555 0100", null), 400)).contains("country code");
            assertThat(alice.fails(ServiceCodec.contactsAddPhone("Letters", "+1 555 CALL NOW", null), 400))
                    .contains("not a phone number");
            assertThat(alice.fails(ServiceCodec.contactsAddPhone("", "+1 555 0100", null), 400)).contains("display name");
            assertThat(parley.server().contactLists().presenceUris("alice")).as("phones have no presence").isEmpty();
            l = list(alice, ServiceCodec.contactsRemove("tel:+1 (555) 010-2000"));
            assertThat(l.contacts()).extracting(Contact::uri).containsExactly("tel:+442079460000");
        }
    }

    @Test
    void listSurvivesAServerRestart() throws IOException {
        ContactList before;
        try (ServiceClient alice = alice()) {
            String team = groupId(list(alice, ServiceCodec.groupsAdd("Team")), "Team");
            list(alice, ServiceCodec.groupsSetAccessLevel(team, AccessLevel.TEAM));
            list(alice, ServiceCodec.contactsAdd(BOB, team));
            list(alice, ServiceCodec.contactsAddPhone("Plumber", "+1 555 010 2000", null));
            before = list(alice, ServiceCodec.contactsSetTagged(BOB, true));
        }
        parley.restart(c -> c);
        try (ServiceClient alice = alice()) {
            assertThat(list(alice, ServiceCodec.contactsGet())).isEqualTo(before);
        }
        assertThat(parley.server().contactLists().levelFor("alice", BOB)).isEqualTo(AccessLevel.TEAM);
    }

    @Test
    void removedContactIsGoneAndRemovingItAgainGets404() throws IOException {
        try (ServiceClient alice = alice()) {
            list(alice, ServiceCodec.contactsAdd(BOB, null));
            assertThat(list(alice, ServiceCodec.contactsRemove(BOB)).contacts()).isEmpty();
            assertThat(alice.fails(ServiceCodec.contactsRemove(BOB), 404)).contains("not in your contacts");
        }
    }

    @Test
    void aFullListRefusesTheNextContactWith413() throws IOException {
        ContactLists lists = parley.server().contactLists();
        for (int i = 0; i < ContactLists.MAX_CONTACTS; i++) {
            lists.add("alice", "sip:u" + i + "@example.org", null);
        }
        try (ServiceClient alice = alice()) {
            assertThat(alice.fails(ServiceCodec.contactsAdd(BOB, null), 413)).contains("at most 500");
        }
    }

    @Test
    void removingAUserRemovesTheirList() throws IOException {
        try (ServiceClient bob = new ServiceClient(parley.server(), "bob")) {
            list(bob, ServiceCodec.groupsAdd("Team"));
            list(bob, ServiceCodec.contactsAdd("sip:alice@" + D, "1"));
        }
        parley.server().users().remove("bob");
        try (var db = org.parley.server.store.Database.open(parley.dataDir(), new org.parley.server.store.SqliteDialect())) {
            int rows = db.read(c -> {
                try (var s = c.createStatement();
                     var rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM contacts) + (SELECT COUNT(*) FROM contact_groups)"
                             + " + (SELECT COUNT(*) FROM contact_lists)")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(rows).as("bob's contacts, groups and version row").isZero();
        }
        TestServer.addUser(parley.server(), "bob");
        parley.server().contactLists().invalidateAll();
        assertThat(parley.server().contactLists().get("bob")).isEqualTo(ContactList.EMPTY);
    }

    @Test
    void aRemovedUserLeavesOtherListsAndANewUserOfTheSameNameInheritsNothing() throws IOException {
        long before;
        try (ServiceClient alice = alice()) {
            list(alice, ServiceCodec.contactsAdd(BOB, null));
            list(alice, ServiceCodec.contactsSetTagged(BOB, true));
            ContactList withBob = list(alice, ServiceCodec.contactsSetAccessLevel(BOB, AccessLevel.PERSONAL));
            assertThat(withBob.contact(BOB).orElseThrow().effectiveLevel()).isEqualTo(AccessLevel.PERSONAL);
            before = withBob.version();
        }
        parley.server().users().remove("bob");
        TestServer.addUser(parley.server(), "bob");
        parley.server().contactLists().invalidateAll();
        try (ServiceClient alice = alice()) {
            ContactList after = list(alice, ServiceCodec.contactsGet());
            assertThat(after.contact(BOB)).as("the old bob's entry").isEmpty();
            assertThat(after.version()).as("alice's devices learn the list changed").isGreaterThan(before);
        }
        assertThat(parley.server().contactLists().levelFor("alice", BOB))
                .as("the new bob gets the default, not what the old bob was granted").isEqualTo(AccessLevel.COMPANY);
    }
}
