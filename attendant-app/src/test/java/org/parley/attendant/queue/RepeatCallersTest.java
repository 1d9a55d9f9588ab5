package org.parley.attendant.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.core.client.HistoryService;
import org.parley.core.client.HistoryService.CallRecord;
import org.parley.core.client.HistoryService.CallRecord.Outcome;
import org.parley.core.client.TelephonyService.Direction;

class RepeatCallersTest {
    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

    private static CallRecord record(String peer, Direction d, Duration ago) {
        Instant at = NOW.minus(ago);
        return new CallRecord("id-" + peer + ago.getSeconds(), peer, null, d, Outcome.ANSWERED, at, at, at, null);
    }

    @Test
    void aCallerSeenInTheCallLogWithinTheLastHourIsARepeatCaller() {
        List<CallRecord> log = List.of(record("sip:alice@parley.test", Direction.INCOMING, Duration.ofMinutes(59)),
                record("sip:bob@parley.test", Direction.INCOMING, Duration.ofMinutes(61)),
                record("sip:carol@parley.test", Direction.OUTGOING, Duration.ofMinutes(5)));
        HistoryService history = (HistoryService) Proxy.newProxyInstance(HistoryService.class.getClassLoader(),
                new Class<?>[] {HistoryService.class}, (p, m, a) -> m.getName().equals("calls") ? log : null);
        RepeatCallers repeat = new RepeatCallers(history, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(repeat.test("SIP:alice@parley.test")).isTrue();
        assertThat(repeat.test("sip:bob@parley.test")).isFalse();
        assertThat(repeat.test("sip:carol@parley.test")).isFalse(); // we called her: not a caller
        assertThat(repeat.test(null)).isFalse();
    }
}
