package org.parley.client.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parley.client.contacts.ContactRow.Entry;
import org.parley.client.contacts.ContactRow.Header;
import org.parley.client.contacts.ContactRow.Hint;
import org.parley.client.testing.FakeClient;
import org.parley.client.testing.ManualLater;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.Contact;
import org.parley.core.model.ContactCard;
import org.parley.core.model.ContactGroup;
import org.parley.core.model.ContactKind;
import org.parley.core.model.ContactList;
import org.parley.core.model.DirectoryEntry;
import org.parley.core.model.PresenceInfo;
import org.parley.core.model.PresenceState;

class ContactListViewModelTest {
    private final FakeClient client = new FakeClient();
    private final ManualLater later = new ManualLater();
    private final OpenConversations open = new OpenConversations();
    private final ContactListViewModel vm = new ContactListViewModel(client, open, later);

    private static Contact user(String name, AccessLevel level, boolean tagged, String... groups) {
        return new Contact("sip:" + name.toLowerCase() + "@x.test", name, ContactKind.USER, List.of(groups), tagged,
                null, level);
    }

    private static final ContactList LIST = new ContactList(3,
            List.of(new ContactGroup("g1", "Team", null), new ContactGroup("g2", "Friends", null)),
            List.of(user("Carol", AccessLevel.TEAM, false, "g1"), user("Alice", AccessLevel.COMPANY, true, "g1", "g2"),
                    user("Bob", AccessLevel.COMPANY, false),
                    new Contact("tel:+15550100", "Pizza", ContactKind.PHONE, List.of("g2"), false, null, null)));

    private List<String> lines() {
        return vm.rows().stream().map(r -> r instanceof Header h ? "# " + h.title() + " (" + h.countText() + ")"
                : r instanceof Entry e ? (e.member() ? "  - " : "  ") + e.item().name() : "  ~ " + ((Hint) r).text())
                .collect(Collectors.toList());
    }

    private void presence(String name, PresenceState s) {
        vm.presenceChanged("sip:" + name.toLowerCase() + "@x.test", PresenceInfo.of(s), null);
    }

    @Test
    void groupsByMyGroupsWithUngroupedUnderOtherContactsAndPlaceholdersLast() {
        vm.accept(LIST);
        assertThat(lines()).containsExactly(
                "# Team (0/2)", "  Alice", "  Carol",
                "# Friends (0/2)", "  Alice", "  Pizza",
                "# Other Contacts (0/1)", "  Bob",
                "# Recent Contacts (0)", "  ~ People you exchange messages with appear here",
                "# Delegates (0)", "  ~ " + RowBuilder.DELEGATES_HINT,
                "# Team-Call (0)", "  ~ " + RowBuilder.VOICE_HINT);
        assertThat(vm.rows().stream().filter(r -> r instanceof Entry e && e.item().kind() == ContactKind.PHONE)
                .map(r -> ((Entry) r).item().stateText())).containsExactly("+15550100");
    }

    @Test
    void sortingByPresencePutsAvailableFirstThenByName() {
        vm.accept(LIST);
        presence("Carol", PresenceState.AVAILABLE);
        presence("Alice", PresenceState.AWAY);
        vm.sortByPresenceProperty().set(true);
        assertThat(lines().subList(0, 3)).as("away counts as online").containsExactly("# Team (2/2)", "  Carol", "  Alice");
        vm.sortByPresenceProperty().set(false);
        assertThat(lines().subList(0, 3)).containsExactly("# Team (2/2)", "  Alice", "  Carol");
    }

    @Test
    void groupingByAvailabilityShowsOnlyTheStatesPeopleAreIn() {
        vm.accept(LIST);
        presence("Carol", PresenceState.IN_A_CALL);
        presence("Alice", PresenceState.AVAILABLE);
        presence("Bob", PresenceState.OFFLINE);
        later.elapse();
        vm.groupingProperty().set(Grouping.AVAILABILITY);
        assertThat(lines()).startsWith("# Available (1)", "  Alice", "# Busy (1)", "  Carol", "# Offline (1)", "  Bob",
                "# Presence unknown (1)", "  Pizza");
    }

    @Test
    void groupingByAccessLevelAndByTagged() {
        vm.accept(LIST);
        vm.groupingProperty().set(Grouping.ACCESS_LEVEL);
        assertThat(lines()).startsWith("# Team (0/1)", "  Carol", "# Company (0/2)", "  Alice", "  Bob",
                "# Phone numbers and groups (0/1)", "  Pizza");
        vm.groupingProperty().set(Grouping.TAGGED);
        assertThat(lines()).startsWith("# Tagged for status alerts (0/1)", "  Alice", "# Other contacts (0/3)");
    }

    @Test
    void filteringKeepsMatchesOnlyOpensCollapsedSectionsAndHidesPlaceholders() {
        vm.accept(LIST);
        vm.toggle("group:g1");
        assertThat(lines()).startsWith("# Team (0/2)", "# Friends (0/2)");
        vm.filterProperty().set("ali");
        assertThat(lines()).containsExactly("# Team (0/1)", "  Alice", "# Friends (0/1)", "  Alice");
        vm.filterProperty().set("x.test");
        assertThat(lines()).contains("  Bob", "  Carol");
        vm.filterProperty().set("");
        assertThat(lines()).startsWith("# Team (0/2)", "# Friends (0/2)");
    }

    @Test
    void collapsingASectionHidesItsRowsAndTogglingAgainShowsThem() {
        vm.accept(LIST);
        vm.toggle("group:g2");
        Header friends = (Header) vm.rows().stream().filter(r -> r.key().equals("group:g2")).findFirst().orElseThrow();
        assertThat(friends.collapsed()).isTrue();
        assertThat(lines()).containsSubsequence("# Friends (0/2)", "# Other Contacts (0/1)");
        assertThat(lines()).doesNotContain("  Pizza");
        vm.toggle("group:g2");
        assertThat(lines()).contains("  Pizza");
    }

    @Test
    void presenceChangesUpdateTheItemAtOnceAndReorderOnlyWhenTheCoalescingDelayEnds() {
        vm.accept(LIST);
        vm.sortByPresenceProperty().set(true);
        int before = vm.rebuildCount();
        for (int i = 0; i < 1000; i++) {
            presence("Carol", i % 2 == 0 ? PresenceState.BUSY : PresenceState.AVAILABLE);
        }
        ContactItem carol = vm.item("sip:carol@x.test").orElseThrow();
        assertThat(carol.presence().state()).isEqualTo(PresenceState.AVAILABLE);
        assertThat(later.pending()).as("one rebuild asked for, however many events").isEqualTo(1);
        assertThat(vm.rebuildCount()).isEqualTo(before);
        assertThat(lines().subList(0, 3)).containsExactly("# Team (0/2)", "  Alice", "  Carol");

        later.elapse();
        assertThat(vm.rebuildCount()).isEqualTo(before + 1);
        assertThat(lines().subList(0, 3)).containsExactly("# Team (1/2)", "  Carol", "  Alice");
        presence("Alice", PresenceState.AVAILABLE);
        assertThat(later.pending()).isEqualTo(1);
    }

    @Test
    void aRebuildThatChangesNothingLeavesTheRowsAlone() {
        vm.accept(LIST);
        javafx.collections.ObservableList<ContactRow> same = vm.rows();
        List<Object> changes = new ArrayList<>();
        same.addListener((javafx.collections.ListChangeListener<ContactRow>) changes::add);
        vm.presenceChanged("sip:bob@x.test", PresenceInfo.UNKNOWN, null);
        later.elapse();
        assertThat(changes).isEmpty();
    }

    @Test
    void currentConversationsComeFirstAndFollowTheOpenSet() {
        vm.accept(LIST);
        open.add("sip:bob@x.test");
        assertThat(lines()).startsWith("# Current Conversations (0/1)", "  Bob");
        open.remove("sip:bob@x.test");
        assertThat(lines().get(0)).isEqualTo("# Team (0/2)");
    }

    @Test
    void aCallListsItsPeerInCurrentConversationsWithTheCallStateUntilItEndsAndNoChatIsOpen() {
        vm.accept(LIST);
        open.setCall("sip:Bob@x.test", "On a call");
        assertThat(lines()).startsWith("# Current Conversations (0/1)", "  Bob");
        assertThat(vm.item("sip:bob@x.test").orElseThrow().callState()).isEqualTo("On a call");
        open.add("sip:bob@x.test");
        open.setCall("sip:bob@x.test", "On hold");
        assertThat(vm.item("sip:bob@x.test").orElseThrow().callState()).isEqualTo("On hold");
        open.setCall("sip:bob@x.test", null);
        assertThat(vm.item("sip:bob@x.test").orElseThrow().callState()).isNull();
        assertThat(lines()).as("the chat is still open").startsWith("# Current Conversations (0/1)", "  Bob");
        open.setCall("sip:bob@x.test", "On a call");
        open.remove("sip:bob@x.test");
        assertThat(lines()).as("the call is still up").startsWith("# Current Conversations (0/1)", "  Bob");
        open.setCall("sip:bob@x.test", null);
        assertThat(lines().get(0)).isEqualTo("# Team (0/2)");
    }

    @Test
    void directoryResultsShowBelowTheListWithTheirNote() {
        vm.accept(LIST);
        vm.showDirectory(List.of(new DirectoryEntry(ContactKind.USER,
                new ContactCard("sip:dave@x.test", "Dave Directory", "CTO", null, null, null, null, null, null))),
                null);
        assertThat(lines()).endsWith("# Directory (1)", "  Dave Directory");
        assertThat(client.calls).contains("watch sip:dave@x.test");
        vm.showDirectory(List.of(), "No other matches in the directory.");
        assertThat(lines()).endsWith("# Directory (0)", "  ~ No other matches in the directory.");
        vm.showDirectory(List.of(), null);
        assertThat(lines()).noneMatch(l -> l.contains("Directory"));
    }

    @Test
    void aDistributionGroupShowsItsMembersUnderItWhenOpenedAndWatchesTheirPresence() {
        client.members.put("sip:sales@x.test", List.of(ContactCard.of("sip:zoe@x.test", "Zoe"),
                ContactCard.of("sip:yan@x.test", "Yan")));
        vm.accept(new ContactList(1, List.of(), List.of(new Contact("sip:sales@x.test", "Sales", ContactKind.DISTRIBUTION_GROUP,
                List.of(), false, null, null))));
        ContactItem sales = vm.item("sip:sales@x.test").orElseThrow();
        assertThat(sales.stateText()).isEqualTo("Distribution group");
        vm.toggleMembers(sales);
        assertThat(lines()).startsWith("# Other Contacts (0/1)", "  Sales", "  - Zoe", "  - Yan");
        assertThat(client.calls).contains("expand sip:sales@x.test", "watch sip:zoe@x.test", "watch sip:yan@x.test");
        vm.presenceChanged("sip:zoe@x.test", PresenceInfo.of(PresenceState.BUSY), null);
        assertThat(vm.item("sip:zoe@x.test").orElseThrow().availability())
                .isEqualTo(org.parley.core.model.Availability.BUSY);
        vm.toggleMembers(sales);
        assertThat(lines()).startsWith("# Other Contacts (0/1)", "  Sales", "# Recent Contacts (0)");
    }

    @Test
    void filteringFiveThousandContactsTakesWellUnderFiftyMillisecondsPerKeystroke() {
        List<Contact> many = new ArrayList<>();
        List<ContactGroup> groups = new ArrayList<>();
        for (int g = 0; g < 20; g++) {
            groups.add(new ContactGroup("g" + g, "Group " + g, null));
        }
        for (int i = 0; i < 5000; i++) {
            many.add(new Contact("sip:user" + i + "@x.test", "Person " + i + " Surname" + (i % 97), ContactKind.USER,
                    List.of("g" + (i % 20)), false, null, AccessLevel.COMPANY));
        }
        vm.accept(new ContactList(1, groups, many));
        String typed = "person 12 surname";
        long[] took = new long[typed.length()];
        for (int round = 0; round < 2; round++) {
            for (int k = 1; k <= typed.length(); k++) {
                long t0 = System.nanoTime();
                vm.filterProperty().set(typed.substring(0, k));
                took[k - 1] = System.nanoTime() - t0;
            }
            vm.filterProperty().set("");
        }
        java.util.Arrays.sort(took);
        long median = took[took.length / 2] / 1_000_000;
        System.out.printf("filter 5,000 contacts: median %.2f ms, max %.2f ms per keystroke%n",
                took[took.length / 2] / 1e6, took[took.length - 1] / 1e6);
        assertThat(median).as("median ms per keystroke").isLessThan(50);
        vm.filterProperty().set("person 4999 ");
        assertThat(lines()).contains("  Person 4999 Surname52");
    }

    @Test
    void myDelegatesAreListedWithLivePresenceAndMyManagersGetTheirOwnGroup() {
        client.presence.put("sip:dave@x.test", PresenceInfo.of(PresenceState.AVAILABLE));
        client.answers.put("DelegationService.settings", a -> java.util.concurrent.CompletableFuture.completedFuture(
                new org.parley.core.client.DelegationService.Settings(List.of("sip:bob@x.test", "sip:dave@x.test"),
                        org.parley.core.client.DelegationService.RingMode.WITH_MANAGER, 0)));
        client.answers.put("DelegationService.managers",
                a -> java.util.concurrent.CompletableFuture.completedFuture(List.of("sip:carol@x.test")));
        vm.accept(LIST);
        vm.loadDelegation(Runnable::run);
        List<String> shown = lines();
        assertThat(shown.subList(shown.indexOf("# Delegates (1/2)"), shown.indexOf("# Team-Call (0)")))
                .containsExactly("# Delegates (1/2)", "  Bob", "  dave", "# Managers (0/1)", "  Carol");
        presence("Bob", PresenceState.AVAILABLE);
        later.elapse();
        assertThat(lines()).contains("# Delegates (2/2)");
    }

    @Test
    void withoutManagersThereIsNoManagersGroup() {
        vm.accept(LIST);
        vm.showDelegation(List.of(), List.of());
        assertThat(lines()).noneMatch(l -> l.startsWith("# Managers")).contains("  ~ " + RowBuilder.DELEGATES_HINT);
    }

    @Test
    void theManagersGroupGainsAndLosesAManagerWhenTheServerSaysSoWithoutSigningInAgain() {
        List<org.parley.core.client.DelegationService.ManagersListener> told = new java.util.ArrayList<>();
        client.answers.put("DelegationService.addManagersListener", a -> {
            told.add((org.parley.core.client.DelegationService.ManagersListener) a[0]);
            return null;
        });
        client.answers.put("DelegationService.managers",
                a -> java.util.concurrent.CompletableFuture.completedFuture(List.of("sip:carol@x.test")));
        vm.accept(LIST);
        vm.loadDelegation(Runnable::run);
        assertThat(told).hasSize(1);
        assertThat(lines()).contains("# Managers (0/1)").doesNotContain("  dave");

        told.get(0).onManagersChanged("sip:dave@x.test", true);
        List<String> shown = lines();
        assertThat(shown.subList(shown.indexOf("# Managers (0/2)"), shown.indexOf("# Team-Call (0)")))
                .containsExactly("# Managers (0/2)", "  Carol", "  dave");

        told.get(0).onManagersChanged("sip:carol@x.test", false);
        told.get(0).onManagersChanged("sip:dave@x.test", false);
        assertThat(lines()).noneMatch(l -> l.startsWith("# Managers"));
    }
}
