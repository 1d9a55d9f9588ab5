package org.parley.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.client.HistoryService.CallRecord;
import org.parley.core.client.HistoryService.CallRecord.Outcome;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.EndReason;
import org.parley.core.client.TelephonyService.State;

class CallLogTest {
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

    @TempDir
    Path dir;

    private static Call ended(String id, Direction d, Instant started, Instant connected, boolean forwarded, EndReason why) {
        return new Call(id, "sip:bob@d", "Bob B", d, State.ENDED, null, false, null, null, 0, null, 0, started,
                connected, false, null, null, forwarded, why, why == EndReason.FAILED ? "503 Service Unavailable" : null);
    }

    @Test
    void eachEndedCallIsLoggedOnceWithItsOutcomeNewestFirstAndSurvivesReopening() {
        try (ClientStore store = ClientStore.open(dir)) {
            CallLog log = new CallLog(store);
            log.add(ended("1", Direction.OUTGOING, T0, T0.plusSeconds(3), false, EndReason.LOCAL_HANGUP), T0.plusSeconds(60));
            log.add(ended("2", Direction.INCOMING, T0.plusSeconds(100), null, false, EndReason.CANCELLED), T0.plusSeconds(110));
            log.add(ended("3", Direction.INCOMING, T0.plusSeconds(200), null, false, EndReason.DECLINED), T0.plusSeconds(201));
            log.add(ended("4", Direction.OUTGOING, T0.plusSeconds(300), null, false, EndReason.UNAVAILABLE), T0.plusSeconds(330));
            log.add(ended("5", Direction.INCOMING, T0.plusSeconds(400), null, false, EndReason.TRANSFERRED), T0.plusSeconds(401));
            log.add(ended("6", Direction.OUTGOING, T0.plusSeconds(500), null, false, EndReason.FAILED), T0.plusSeconds(501));
            log.add(ended("2", Direction.INCOMING, T0.plusSeconds(100), null, false, EndReason.CANCELLED), T0.plusSeconds(999));
            log.add(ended("7", Direction.INCOMING, T0.plusSeconds(600), null, true, EndReason.CANCELLED), T0.plusSeconds(610));
        }
        try (ClientStore store = ClientStore.open(dir)) {
            var calls = new HistoryStore(store).calls(0);
            assertThat(calls).extracting(CallRecord::callId).containsExactly("7", "6", "5", "4", "3", "2", "1");
            assertThat(calls).extracting(CallRecord::outcome).containsExactly(Outcome.MISSED, Outcome.FAILED,
                    Outcome.FORWARDED,
                    Outcome.UNANSWERED, Outcome.DECLINED, Outcome.MISSED, Outcome.ANSWERED);
            CallRecord answered = calls.get(6);
            assertThat(answered.connected()).isEqualTo(T0.plusSeconds(3));
            assertThat(answered.ended()).isEqualTo(T0.plusSeconds(60));
            assertThat(answered.peerName()).isEqualTo("Bob B");
            assertThat(calls.get(5).ended()).as("the first report of a call wins").isEqualTo(T0.plusSeconds(110));
            assertThat(calls.get(1).detail()).isEqualTo("503 Service Unavailable");
            assertThat(new HistoryStore(store).calls(2)).hasSize(2);
        }
    }
}
