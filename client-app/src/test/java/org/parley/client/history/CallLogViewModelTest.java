package org.parley.client.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.client.history.CallLogViewModel.CallItem;
import org.parley.client.testing.FakeClient;
import org.parley.core.client.HistoryService.CallRecord;
import org.parley.core.client.HistoryService.CallRecord.Outcome;
import org.parley.core.client.TelephonyService.Direction;

/** The history browser's call log without controls: records from a recording fake client. */
class CallLogViewModelTest {
    private static final ZoneId ZONE = ZoneOffset.UTC;
    private static final Instant MON = Instant.parse("2026-11-16T09:00:00Z");
    private static final Instant TUE = Instant.parse("2026-11-17T15:30:00Z");

    private final FakeClient client = new FakeClient();
    private final List<String> called = new ArrayList<>();
    private final CallLogViewModel vm = new CallLogViewModel(client.history(),
            Map.of("sip:bob@parley.test", "Bob Builder")::get, called::add, ZONE);

    CallLogViewModelTest() {
        List<CallRecord> log = List.of(
                new CallRecord("c4", "sip:carol@parley.test", "Carol C", Direction.INCOMING, Outcome.MISSED, TUE, null,
                        TUE.plusSeconds(20), null),
                new CallRecord("c3", "sip:bob@parley.test", "bob", Direction.OUTGOING, Outcome.ANSWERED, TUE.minusSeconds(600),
                        TUE.minusSeconds(590), TUE.minusSeconds(590).plus(Duration.ofMinutes(3).plusSeconds(7)), null),
                new CallRecord("c2", "tel:+15550100", null, Direction.INCOMING, Outcome.FORWARDED, MON, null,
                        MON.plusSeconds(5), "to voicemail"),
                new CallRecord("c1", "sip:dave@parley.test", null, Direction.INCOMING, Outcome.DECLINED, MON.minusSeconds(60),
                        null, MON.minusSeconds(55), null));
        client.answers.put("HistoryService.calls", args -> {
            assertThat((int) args[0]).isEqualTo(CallLogViewModel.CALLS);
            return log;
        });
    }

    @Test
    void listsEveryCallNewestFirstWithWhatHappenedWhoAndHowLong() {
        vm.refresh();

        assertThat(vm.calls()).extracting(CallItem::what)
                .containsExactly("Missed", "Outgoing", "Forwarded", "Declined");
        assertThat(vm.calls()).extracting(CallItem::name)
                .containsExactly("Carol C", "Bob Builder", "+15550100", "dave@parley.test");
        assertThat(vm.calls()).extracting(CallItem::durationText).containsExactly("", "3:07", "", "");
        assertThat(vm.statusProperty().get()).isEqualTo("4 calls · 1 missed");
    }

    @Test
    void participantAndDatesNarrowTheLog() {
        vm.participantProperty().set("BUILDER");
        vm.refresh();
        assertThat(vm.calls()).extracting(CallItem::callId).containsExactly("c3");

        vm.participantProperty().set("");
        vm.fromDateProperty().set(LocalDate.of(2026, 11, 16));
        vm.toDateProperty().set(LocalDate.of(2026, 11, 16));
        vm.refresh();
        assertThat(vm.calls()).extracting(CallItem::callId).containsExactly("c2", "c1");

        vm.participantProperty().set("nobody");
        vm.refresh();
        assertThat(vm.calls()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("No calls match the search");
    }

    @Test
    void callBackCallsTheOtherPartyOfTheChosenCall() {
        vm.refresh();
        vm.selectedProperty().set(vm.calls().get(2));

        vm.callBack(vm.selectedProperty().get());

        assertThat(called).containsExactly("tel:+15550100");
    }

    @Test
    void aLogThatCannotBeReadIsAnErrorLine() {
        client.answers.put("HistoryService.calls", args -> {
            throw new IllegalStateException("the call log is not built yet");
        });

        vm.refresh();

        assertThat(vm.calls()).isEmpty();
        assertThat(vm.errorProperty().get()).isEqualTo("Cannot read the call log: the call log is not built yet");
    }
}
