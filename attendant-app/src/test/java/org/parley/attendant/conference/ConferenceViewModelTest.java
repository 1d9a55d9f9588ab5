package org.parley.attendant.conference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.attendant.queue.FakePhone;
import org.parley.attendant.queue.QueueItem;
import org.parley.attendant.queue.QueueViewModel;
import org.parley.core.client.CallOptions;
import org.parley.core.client.ConferencingService;
import org.parley.core.client.ConferencingService.Conference;
import org.parley.core.client.ConferencingService.Member;
import org.parley.core.client.ConferencingService.Status;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.store.ClientStore;

/** The console's conference actions without a screen: drops, merge, the conference set, templates. */
class ConferenceViewModelTest {
    private static final String ROOM = "sip:conf-room00000001@parley.test";

    @TempDir
    Path data;
    private final FakePhone phone = new FakePhone();
    private final FakeConferencing conferencing = new FakeConferencing();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);
    private ClientStore store;
    private QueueViewModel queue;
    private ConferenceViewModel vm;

    /** Records what was asked; {@link #report} plays the focus's roster for the last conference. */
    private final class FakeConferencing implements ConferencingService {
        final List<String> requests = new ArrayList<>();
        final List<Consumer<Conference>> listeners = new ArrayList<>();
        RuntimeException failure;
        Call leg;

        @Override
        public CompletableFuture<Conference> start(List<String> participants, String onBehalfOf) {
            requests.add("start " + participants + (onBehalfOf == null ? "" : " for " + onBehalfOf));
            if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            }
            leg = phone.call(ROOM, new CallOptions("Conference", false));
            phone.set(leg.id(), State.CONNECTED);
            return CompletableFuture.completedFuture(conference(List.of()));
        }

        Conference conference(List<Member> roster) {
            return new Conference("room00000001", ROOM, leg.id(), "sip:reception@parley.test", null, roster);
        }

        void report(Member... roster) {
            Conference c = conference(List.of(roster));
            listeners.forEach(l -> l.accept(c));
        }

        @Override
        public CompletableFuture<Void> add(String conferenceId, String participant) {
            requests.add("add " + conferenceId + " " + participant);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Conference> join(String conferenceUri) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Void> leave(String conferenceId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Conference> conferences() {
            return List.of();
        }

        @Override
        public void addListener(Consumer<Conference> listener) {
            listeners.add(listener);
        }
    }

    @BeforeEach
    void setUp() {
        store = ClientStore.open(data);
        queue = new QueueViewModel(phone, clock, c -> c.peerName() == null ? c.peer() : c.peerName(), p -> false,
                () -> { }, "reception", "parley.test");
        vm = new ConferenceViewModel(conferencing, queue, new ConferenceTemplates(store),
                uri -> uri.equals("sip:dave@parley.test") ? "Dave Test" : uri, clock);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    /** Carl rings and is answered, then Bob: Carl is held, Bob active. */
    private Call[] twoCalls() {
        Call carl = phone.ring("sip:carl@parley.test", "Carl", null);
        phone.answer(carl.id());
        Call bob = phone.ring("sip:bob@parley.test", "Bob", null);
        phone.answer(bob.id());
        return new Call[] {carl, bob};
    }

    private static Member member(String user, Status status) {
        return new Member("sip:" + user + "@parley.test", user, status);
    }

    @Test
    void droppingOneQueuedCallOnAnotherStartsAConferenceThatShowsAsOneItemWithItsRoster() {
        Call[] calls = twoCalls();

        vm.drop(calls[1].id(), "call:" + calls[0].id());
        phone.transfer(calls[0].id(), ROOM);
        phone.transfer(calls[1].id(), ROOM);
        conferencing.report(member("reception", Status.CONNECTED), member("carl", Status.CONNECTED),
                member("bob", Status.ON_HOLD));

        assertThat(conferencing.requests).containsExactly("start [" + calls[1].id() + ", " + calls[0].id() + "]");
        assertThat(queue.items()).hasSize(1);
        QueueItem item = queue.items().get(0);
        assertThat(item.call().peer()).isEqualTo(ROOM);
        assertThat(item.name()).isEqualTo("Conference · 3 people");
        assertThat(item.conference().roster()).extracting(Member::aor).containsExactly("sip:reception@parley.test",
                "sip:carl@parley.test", "sip:bob@parley.test");
        assertThat(vm.statusProperty().get()).isEqualTo("Conference with Bob, Carl");
    }

    @Test
    void mergeConferencesTheSelectedCallWithThePreviouslyActiveOne() {
        Call[] calls = twoCalls();

        vm.merge(calls[1].id());

        assertThat(conferencing.requests).containsExactly("start [" + calls[0].id() + ", " + calls[1].id() + "]");
    }

    @Test
    void mergeOfAHeldCallTakesTheActiveOneAndWithOneCallOnlyExplainsWhatIsMissing() {
        Call carl = phone.ring("sip:carl@parley.test", "Carl", null);
        phone.answer(carl.id());

        vm.merge(carl.id());
        assertThat(conferencing.requests).isEmpty();
        assertThat(vm.statusProperty().get()).startsWith("Merge needs two calls");

        Call bob = phone.ring("sip:bob@parley.test", "Bob", null);
        phone.answer(bob.id());
        vm.merge(carl.id());
        assertThat(conferencing.requests).containsExactly("start [" + bob.id() + ", " + carl.id() + "]");
    }

    @Test
    void aCallOrContactDroppedOnTheConferenceIsAddedToIt() {
        Call[] calls = twoCalls();
        vm.merge(calls[1].id());
        phone.transfer(calls[0].id(), ROOM);
        phone.transfer(calls[1].id(), ROOM);
        conferencing.report(member("carl", Status.CONNECTED), member("bob", Status.CONNECTED));
        Call erin = phone.ring("sip:erin@parley.test", "Erin", null);

        vm.drop(conferencing.leg.id(), "contact:sip:dave@parley.test");
        vm.drop(conferencing.leg.id(), "call:" + erin.id());

        assertThat(conferencing.requests).endsWith("add room00000001 sip:dave@parley.test",
                "add room00000001 " + erin.id());
        assertThat(vm.statusProperty().get()).isEqualTo("Erin joined the conference");
    }

    @Test
    void theConferenceSetTakesCallsAndContactsOnceAndStartsOneConferenceWithThem() {
        Call[] calls = twoCalls();
        vm.pick("call:" + calls[0].id());
        vm.pick("contact:sip:dave@parley.test");
        vm.pick("contact:sip:dave@parley.test");
        vm.pick("call:no-such-call");

        assertThat(vm.picked()).extracting(ConferenceViewModel.Pick::label).containsExactly("Carl", "Dave Test");
        vm.startPicked();

        assertThat(conferencing.requests).containsExactly("start [" + calls[0].id() + ", sip:dave@parley.test]");
        assertThat(vm.picked()).isEmpty();
    }

    @Test
    void templatesKeepTheContactsOfTheSetAcrossARestartAndOneClickStartsAConference() {
        Call carl = phone.ring("sip:carl@parley.test", "Carl", null);
        vm.pick("call:" + carl.id());
        vm.pick("contact:sip:dave@parley.test");
        vm.pick("contact:sip:erin@parley.test");
        vm.saveTemplate("  Board  ");
        vm.picked().clear();
        vm.pick("contact:sip:amy@parley.test");
        vm.saveTemplate("Accounts");

        ConferenceViewModel reopened = new ConferenceViewModel(conferencing, queue, new ConferenceTemplates(store),
                uri -> uri, clock);
        assertThat(reopened.templates()).extracting(ConferenceTemplates.Template::name).containsExactly("Accounts", "Board");
        assertThat(reopened.templates().get(1).members()).as("calls are not kept in a template")
                .containsExactly("sip:dave@parley.test", "sip:erin@parley.test");

        reopened.startTemplate(1);
        assertThat(conferencing.requests).containsExactly("start [sip:dave@parley.test, sip:erin@parley.test]");
        reopened.deleteTemplate("Accounts");
        assertThat(reopened.templates()).extracting(ConferenceTemplates.Template::name).containsExactly("Board");
    }

    @Test
    void aTemplateNeedsANameAndContacts() {
        vm.saveTemplate("Empty");
        assertThat(vm.statusProperty().get()).isEqualTo("Pick contacts for the template first");
        vm.pick("contact:sip:dave@parley.test");
        vm.saveTemplate(" ");
        assertThat(vm.statusProperty().get()).isEqualTo("Name the template");
        assertThat(vm.templates()).isEmpty();
    }

    @Test
    void delegatedCallsOfOneManagerAreConferencedOnTheManagersBehalf() {
        Call a = phone.ring("sip:carl@parley.test", "Carl", "sip:boss@parley.test");
        phone.answer(a.id());
        Call b = phone.ring("sip:bob@parley.test", "Bob", "sip:boss@parley.test");
        phone.answer(b.id());

        vm.merge(b.id());

        assertThat(conferencing.requests).containsExactly("start [" + a.id() + ", " + b.id() + "] for sip:boss@parley.test");
    }

    @Test
    void aFailedStartIsReportedInTheStatus() {
        Call[] calls = twoCalls();
        conferencing.failure = new ParleyException(ErrorCode.REFUSED, "403 Forbidden");

        vm.merge(calls[1].id());

        assertThat(vm.statusProperty().get()).isEqualTo("Conference failed: 403 Forbidden");
        assertThat(queue.items()).hasSize(2);
    }
}
