package org.parley.attendant.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.client.ContactsService;
import org.parley.core.client.DirectoryService;
import org.parley.core.client.PresenceService;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.Contact;
import org.parley.core.model.ContactCard;
import org.parley.core.model.ContactGroup;
import org.parley.core.model.ContactKind;
import org.parley.core.model.ContactList;
import org.parley.core.model.DirectoryEntry;
import org.parley.core.model.DirectoryPage;
import org.parley.core.model.PresenceInfo;
import org.parley.core.model.PresenceState;

class ContactsViewModelTest {
    private static final ContactGroup OFFICE = new ContactGroup("g1", "Office", null);
    private final Map<String, PresenceInfo> presence = new HashMap<>();
    private final List<PresenceService.PresenceListener> presenceListeners = new ArrayList<>();
    private final List<String> added = new ArrayList<>();
    private final List<String> searched = new ArrayList<>();
    private ContactList list = new ContactList(1, List.of(OFFICE), List.of(
            contact("sip:dave@parley.test", "Dave Dunn", "g1"),
            contact("sip:alice@parley.test", "Alice Archer", "g1"),
            contact("sip:zoe@parley.test", "Zoe Zed")));
    private ContactsViewModel vm;
    private ContactsService contactsService;
    private PresenceService presenceService;
    private DirectoryService directoryService;
    private final List<ContactsService.ContactsListener> listListeners = new ArrayList<>();

    private static Contact contact(String uri, String name, String... groups) {
        return new Contact(uri, name, ContactKind.USER, List.of(groups), false, null, AccessLevel.COMPANY);
    }

    /** A stub of {@code type}: the given answers by method name, else null. */
    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type, Map<String, java.util.function.Function<Object[], Object>> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) ->
                answers.containsKey(m.getName()) ? answers.get(m.getName()).apply(args) : null);
    }

    @BeforeEach
    void setUp() {
        presence.put("sip:dave@parley.test", PresenceInfo.of(PresenceState.IN_A_MEETING));
        presence.put("sip:alice@parley.test", PresenceInfo.of(PresenceState.AVAILABLE));
        ContactsService contacts = stub(ContactsService.class, Map.of(
                "current", a -> list,
                "addListener", a -> listListeners.add((ContactsService.ContactsListener) a[0]),
                "add", a -> {
                    added.add(a[0] + " -> " + a[1]);
                    return CompletableFuture.completedFuture(list);
                }));
        PresenceService presenceService = stub(PresenceService.class, Map.of(
                "of", a -> Optional.ofNullable(presence.get((String) a[0])),
                "addListener", a -> presenceListeners.add((PresenceService.PresenceListener) a[0])));
        DirectoryService directory = (query, page, size) -> {
            searched.add(query);
            List<DirectoryEntry> hits = query.equals("frank") ? List.of(new DirectoryEntry(ContactKind.USER,
                    ContactCard.of("sip:frank@parley.test", "Frank Foster"))) : List.of();
            return CompletableFuture.completedFuture(new DirectoryPage(query, page, size, hits.size(), hits));
        };
        vm = new ContactsViewModel(contacts, presenceService, directory);
        contactsService = contacts;
        this.presenceService = presenceService;
        directoryService = directory;
    }

    private static Call from(String peer, String sipName) {
        return new Call("c1", peer, sipName, Direction.INCOMING, State.INCOMING, null, false, null, null, 0, null, 0,
                Instant.EPOCH, null, false, null, null, false, null, null);
    }

    @Test
    void groupsListTheirContactsWithLivePresenceAndUngroupedOnesLast() {
        assertThat(vm.rows()).extracting(ContactRow::group, ContactRow::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Office", "Dave Dunn"),
                org.assertj.core.groups.Tuple.tuple("Office", "Alice Archer"),
                org.assertj.core.groups.Tuple.tuple("Other contacts", "Zoe Zed"));
        assertThat(vm.rows().get(0).state()).isEqualTo(PresenceState.IN_A_MEETING);
        presenceListeners.forEach(l -> l.onPresence("sip:dave@parley.test", PresenceInfo.of(PresenceState.AVAILABLE),
                null));
        assertThat(vm.rows().get(0).state()).isEqualTo(PresenceState.AVAILABLE);
    }

    @Test
    void transferToSomeoneInAMeetingSuggestsAnImFirst() {
        assertThat(vm.transferHint("dave")).isEqualTo("Target is In a meeting: suggest IM before transferring");
        assertThat(vm.transferHint("sip:dave@parley.test")).contains("suggest IM");
        assertThat(vm.transferHint("alice")).isEmpty();
        presence.put("sip:frank@parley.test", PresenceInfo.of(PresenceState.DO_NOT_DISTURB));
        assertThat(vm.transferHint("sip:frank@parley.test")).contains("Do not disturb");
        assertThat(vm.transferHint("2001")).isEmpty();
    }

    @Test
    void directoryResultIsAddedToTheChosenGroup() {
        vm.search("frank");
        assertThat(vm.results()).extracting(e -> e.card().displayName()).containsExactly("Frank Foster");
        vm.addToGroup(vm.results().get(0).card().uri(), OFFICE);
        assertThat(added).containsExactly("sip:frank@parley.test -> g1");
        assertThat(vm.statusProperty().get()).isEqualTo("Added to Office");
    }

    @Test
    void callerNamesComeFromContactsThenTheDirectoryThenTheSipDisplayName() {
        AtomicInteger changed = new AtomicInteger();
        vm.onNamesChanged(changed::incrementAndGet);
        assertThat(vm.nameOf(from("sip:dave@parley.test", "dave"))).isEqualTo("Dave Dunn");
        assertThat(vm.nameOf(from("sip:frank@parley.test", "F."))).isEqualTo("F."); // asks the directory
        assertThat(changed).hasValue(1);
        assertThat(vm.nameOf(from("sip:frank@parley.test", "F."))).isEqualTo("Frank Foster");
        assertThat(vm.nameOf(from("sip:nobody@parley.test", null))).isEqualTo("sip:nobody@parley.test");
        assertThat(searched).containsExactly("frank", "nobody");
    }

    @Test
    void presenceChangesArrivingTogetherAreAppliedInOneBatchWithTheLastStatePerContact() {
        java.util.Queue<Runnable> fx = new java.util.ArrayDeque<>();
        presenceListeners.clear();
        ContactsViewModel batched = new ContactsViewModel(contactsService, presenceService, directoryService, fx::add);
        PresenceService.PresenceListener core = presenceListeners.get(0);

        core.onPresence("sip:dave@parley.test", PresenceInfo.of(PresenceState.BUSY), null);
        core.onPresence("sip:alice@parley.test", PresenceInfo.of(PresenceState.AWAY), null);
        core.onPresence("sip:Dave@parley.test", PresenceInfo.of(PresenceState.AVAILABLE), null);

        assertThat(fx).hasSize(1);
        assertThat(batched.rows().get(0).state()).isEqualTo(PresenceState.IN_A_MEETING); // not applied yet
        List<PresenceState> daveSaw = new ArrayList<>();
        batched.rows().get(0).presenceProperty().addListener((o, a, b) -> daveSaw.add(b.state()));
        fx.poll().run();
        assertThat(batched.rows()).extracting(ContactRow::state)
                .containsExactly(PresenceState.AVAILABLE, PresenceState.AWAY, PresenceState.UNKNOWN);
        assertThat(daveSaw).containsExactly(PresenceState.AVAILABLE);
    }

    @Test
    void aNewContactListKeepsTheRowsItAlreadyShows() {
        ContactRow dave = vm.rows().get(0);
        List<String> changes = new ArrayList<>();
        vm.rows().addListener((javafx.collections.ListChangeListener<ContactRow>) c -> changes.add(c.toString()));

        list = new ContactList(2, List.of(OFFICE), List.of(
                contact("sip:dave@parley.test", "Dave Dunn", "g1"),
                contact("sip:alice@parley.test", "Alice Archer", "g1"),
                contact("sip:zoe@parley.test", "Zoe Zed")));
        listListeners.forEach(l -> l.onContactList(list));
        assertThat(changes).isEmpty();

        list = new ContactList(3, List.of(OFFICE), List.of(
                contact("sip:dave@parley.test", "Dave Dunn", "g1"),
                contact("sip:zoe@parley.test", "Zoe Zed"),
                contact("sip:yan@parley.test", "Yan Yu")));
        listListeners.forEach(l -> l.onContactList(list));
        assertThat(vm.rows()).extracting(ContactRow::name).containsExactly("Dave Dunn", "Zoe Zed", "Yan Yu");
        assertThat(vm.rows().get(0)).isSameAs(dave);
        assertThat(vm.nameOf(from("sip:yan@parley.test", null))).isEqualTo("Yan Yu");
        assertThat(vm.nameOf(from("sip:alice@parley.test", "al"))).isEqualTo("al");
    }
}
