package org.parley.attendant.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.State;

class QueueViewModelTest {
    private final FakePhone phone = new FakePhone();
    private final AtomicInteger beeps = new AtomicInteger();
    private Instant now = phone.now;
    private QueueViewModel vm;

    /** A clock the test moves. */
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @BeforeEach
    void setUp() {
        vm = new QueueViewModel(phone, clock, c -> c.peerName() == null ? c.peer() : c.peerName(),
                peer -> peer.contains("repeat"), beeps::incrementAndGet, "reception", "parley.test");
    }

    private void advance(Duration d) {
        now = now.plus(d);
        phone.now = now;
    }

    private List<String> order() {
        return vm.items().stream().map(QueueItem::name).toList();
    }

    @Test
    void activeCallComesFirstThenRingingLongestWaitingThenHeldLongestHeld() {
        Call a = phone.ring("sip:alice@parley.test", "Alice", null);
        advance(Duration.ofSeconds(5));
        Call b = phone.ring("sip:bob@parley.test", "Bob", null);
        advance(Duration.ofSeconds(5));
        Call c = phone.ring("sip:carol@parley.test", "Carol", null);
        assertThat(order()).containsExactly("Alice", "Bob", "Carol");

        vm.activate(c.id());
        assertThat(order()).containsExactly("Carol", "Alice", "Bob");
        advance(Duration.ofSeconds(3));
        vm.activate(b.id()); // Carol is held
        advance(Duration.ofSeconds(3));
        vm.activate(a.id()); // Bob is held, after Carol
        assertThat(order()).containsExactly("Alice", "Carol", "Bob");
        assertThat(vm.items()).extracting(QueueItem::state)
                .containsExactly(State.CONNECTED, State.HELD, State.HELD);
    }

    @Test
    void activatingAnotherCallLeavesExactlyOneActive() {
        Call a = phone.ring("sip:alice@parley.test", "Alice", null);
        Call b = phone.ring("sip:bob@parley.test", "Bob", null);
        Call c = phone.ring("sip:carol@parley.test", "Carol", null);
        vm.answerNext();
        assertThat(vm.active()).map(QueueItem::id).contains(a.id());
        vm.activate(c.id());
        vm.activate(b.id());
        assertThat(vm.items().stream().filter(i -> i.state() == State.CONNECTED)).hasSize(1);
        assertThat(vm.active()).map(QueueItem::id).contains(b.id());
        vm.activate(a.id()); // held: resumed
        assertThat(phone.requests).contains("resume " + a.id());
        assertThat(vm.item(b.id()).orElseThrow().state()).isEqualTo(State.HELD);
        assertThat(vm.items().stream().filter(i -> i.state() == State.CONNECTED)).hasSize(1);
    }

    @Test
    void callHeldLongerThanTheLimitFlashesAndBeepsOnce() {
        vm.holdLimitProperty().set(Duration.ofSeconds(60));
        Call a = phone.ring("sip:alice@parley.test", "Alice", null);
        vm.activate(a.id());
        vm.hold(a.id());
        QueueItem item = vm.item(a.id()).orElseThrow();
        advance(Duration.ofSeconds(59));
        vm.tick();
        assertThat(item.longHoldProperty().get()).isFalse();
        assertThat(item.waitingProperty().get()).isEqualTo("0:59");
        advance(Duration.ofSeconds(1));
        vm.tick();
        assertThat(item.longHoldProperty().get()).isTrue();
        assertThat(item.flashProperty().get()).isTrue();
        advance(Duration.ofSeconds(1));
        vm.tick();
        assertThat(item.flashProperty().get()).isFalse();
        assertThat(beeps).hasValue(1);

        vm.activate(a.id()); // resumed: the alert clears
        assertThat(item.longHoldProperty().get()).isFalse();
    }

    @Test
    void noSoundWhenSoundsAreOff() {
        vm.soundsProperty().set(false);
        Call a = phone.ring("sip:alice@parley.test", "Alice", null);
        vm.activate(a.id());
        vm.hold(a.id());
        advance(Duration.ofSeconds(61));
        vm.tick();
        assertThat(vm.item(a.id()).orElseThrow().longHoldProperty().get()).isTrue();
        assertThat(beeps).hasValue(0);
    }

    @Test
    void repeatCallerIsMarkedAndEndedCallsLeaveTheQueue() {
        Call a = phone.ring("sip:repeat@parley.test", "Rita", null);
        Call b = phone.ring("sip:bob@parley.test", "Bob", null);
        assertThat(vm.item(a.id()).orElseThrow().repeatCallerProperty().get()).isTrue();
        assertThat(vm.item(b.id()).orElseThrow().repeatCallerProperty().get()).isFalse();
        phone.set(a.id(), State.ENDED);
        assertThat(order()).containsExactly("Bob");
    }

    @Test
    void callTheReceptionLineMarksAsRepeatIsHighlightedWithoutACallLogEntry() {
        Call second = phone.ringFromReception("sip:carol@parley.test", "Carol", 2);
        Call first = phone.ringFromReception("sip:dan@parley.test", "Dan", 1);
        Call unmarked = phone.ringFromReception("sip:erin@parley.test", "Erin", 0);
        assertThat(vm.item(second.id()).orElseThrow().repeatCallerProperty().get()).isTrue();
        assertThat(vm.item(first.id()).orElseThrow().repeatCallerProperty().get()).as("a first call").isFalse();
        assertThat(vm.item(unmarked.id()).orElseThrow().repeatCallerProperty().get()).isFalse();
    }

    @Test
    void voicemailRedirectsRingingCallsAndTransfersConnectedOnesToTheManagersMailbox() {
        Call ringing = phone.ring("sip:alice@parley.test", "Alice", null);
        vm.toVoicemail(ringing.id());
        assertThat(phone.requests).contains("redirect " + ringing.id() + " VOICEMAIL");

        Call delegated = phone.ring("sip:bob@parley.test", "Bob", "sip:boss@parley.test");
        vm.activate(delegated.id());
        vm.toVoicemail(delegated.id());
        assertThat(phone.requests).contains("transfer " + delegated.id()
                + " sip:voicemail@parley.test;mailbox=boss");
        assertThat(vm.voicemailUri(null)).isEqualTo("sip:voicemail@parley.test;mailbox=reception");
    }

    @Test
    void consultCallsTheTargetThenCompleteJoinsBothCalls() {
        Call a = phone.ring("sip:alice@parley.test", "Alice", null);
        vm.activate(a.id());
        Call consult = vm.consult(a.id(), "dave").orElseThrow();
        assertThat(vm.item(a.id()).orElseThrow().state()).isEqualTo(State.HELD);
        assertThat(vm.consulting()).isTrue();
        phone.set(consult.id(), State.CONNECTED);
        vm.complete();
        assertThat(phone.requests).contains("transferToCall " + a.id() + " " + consult.id());
        assertThat(vm.items()).isEmpty();
        assertThat(vm.consulting()).isFalse();
    }

    @Test
    void blindTransferNeedsATarget() {
        Call a = phone.ring("sip:alice@parley.test", "Alice", null);
        vm.activate(a.id());
        vm.transfer(a.id(), " ");
        assertThat(vm.statusProperty().get()).startsWith("Transfer to whom");
        vm.transfer(a.id(), "2001");
        assertThat(phone.requests).contains("transfer " + a.id() + " 2001");
        assertThat(vm.statusProperty().get()).isEqualTo("Transferred to 2001");
    }

    @Test
    void anActionShowsAsPendingAtOnceUntilThePeerConfirmsIt() {
        Call a = phone.ring("sip:alice@parley.test", "Alice", null);
        Call b = phone.ring("sip:bob@parley.test", "Bob", null);
        vm.activate(a.id());
        phone.slow = true;

        vm.activate(b.id()); // answers Bob; core holds Alice
        QueueItem alice = vm.item(a.id()).orElseThrow();
        QueueItem bob = vm.item(b.id()).orElseThrow();
        assertThat(bob.pending()).isEqualTo("Answering…");
        assertThat(alice.pending()).isEqualTo("Holding…");
        assertThat(bob.state()).isEqualTo(State.INCOMING);

        phone.confirm();
        assertThat(bob.state()).isEqualTo(State.CONNECTED);
        assertThat(alice.state()).isEqualTo(State.HELD);
        assertThat(vm.items()).extracting(QueueItem::pending).containsOnlyNulls();

        vm.hold(b.id());
        assertThat(bob.pending()).isEqualTo("Holding…");
        phone.confirm();
        vm.activate(a.id());
        assertThat(alice.pending()).isEqualTo("Resuming…");
        assertThat(bob.pending()).as("not active: nothing for core to hold").isNull();
    }

    @Test
    void aRefusedActionClearsThePendingMarksAndSaysWhy() {
        Call a = phone.ring("sip:alice@parley.test", "Alice", null);
        phone.slow = true;
        vm.activate(a.id());
        assertThat(vm.item(a.id()).orElseThrow().pending()).isEqualTo("Answering…");

        phone.refuse("the caller hung up");

        assertThat(vm.item(a.id()).orElseThrow().pending()).isNull();
        assertThat(vm.item(a.id()).orElseThrow().state()).isEqualTo(State.INCOMING);
        assertThat(vm.statusProperty().get()).isEqualTo("Answer failed: the caller hung up");
    }

    @Test
    void aPendingMarkNeverResolvedIsDroppedAfterFifteenSeconds() {
        Call a = phone.ring("sip:alice@parley.test", "Alice", null);
        phone.slow = true;
        vm.activate(a.id());
        advance(Duration.ofSeconds(10));
        vm.tick();
        assertThat(vm.item(a.id()).orElseThrow().pending()).isEqualTo("Answering…");
        advance(Duration.ofSeconds(6));
        vm.tick();
        assertThat(vm.item(a.id()).orElseThrow().pending()).isNull();
    }
}
