package org.parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class CoalescerTest {
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private final List<Map<String, Integer>> batches = new ArrayList<>();
    private final Coalescer<String, Integer> coalescer = new Coalescer<>(tasks::add,
            batch -> batches.add(new LinkedHashMap<>(batch)));

    @Test
    void updatesArrivingBeforeTheApplyRunsAreAppliedOnceWithTheLastValuePerKey() {
        coalescer.put("dave", 1);
        coalescer.put("alice", 2);
        coalescer.put("dave", 3);

        assertThat(tasks).hasSize(1);
        assertThat(batches).isEmpty();
        assertThat(coalescer.pending()).isEqualTo(2);
        tasks.poll().run();

        assertThat(batches).containsExactly(Map.of("dave", 3, "alice", 2));
        assertThat(batches.get(0).keySet()).containsExactly("dave", "alice");
        assertThat(coalescer.pending()).isZero();
    }

    @Test
    void anUpdateAfterAnApplyQueuesTheNextOne() {
        coalescer.put("dave", 1);
        tasks.poll().run();
        coalescer.put("dave", 2);

        assertThat(tasks).hasSize(1);
        tasks.poll().run();
        assertThat(batches).containsExactly(Map.of("dave", 1), Map.of("dave", 2));
    }

    @Test
    void withADirectExecutorEveryUpdateIsAppliedAtOnce() {
        List<Map<String, Integer>> seen = new ArrayList<>();
        Coalescer<String, Integer> direct = new Coalescer<>(Runnable::run, b -> seen.add(Map.copyOf(b)));
        direct.put("dave", 1);
        direct.put("dave", 2);
        assertThat(seen).containsExactly(Map.of("dave", 1), Map.of("dave", 2));
    }

    @Test
    void aPacedCoalescerAppliesAtOnceAfterAQuietSpellAndThenNoMoreOftenThanItsInterval() {
        long[] now = {1_000_000_000L};
        List<Long> delays = new ArrayList<>();
        Queue<Runnable> delayed = new ArrayDeque<>();
        Coalescer<String, Integer> paced = new Coalescer<>(tasks::add, b -> batches.add(new LinkedHashMap<>(b)),
                100_000_000L, () -> now[0], (ms, task) -> {
                    delays.add(ms);
                    delayed.add(task);
                });

        paced.put("dave", 1);
        assertThat(tasks).hasSize(1);
        tasks.poll().run();
        now[0] += 30_000_000L;
        paced.put("dave", 2);
        paced.put("alice", 3);

        assertThat(tasks).isEmpty();
        assertThat(delays).containsExactly(70L);
        now[0] += 70_000_000L;
        delayed.poll().run();
        tasks.poll().run();
        now[0] += 500_000_000L;
        paced.put("carl", 4);
        assertThat(tasks).hasSize(1);
        tasks.poll().run();

        assertThat(batches).containsExactly(Map.of("dave", 1), Map.of("dave", 2, "alice", 3), Map.of("carl", 4));
        assertThat(delays).containsExactly(70L);
    }

    @Test
    void aNegativeIntervalIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Coalescer<String, Integer>(tasks::add,
                b -> { }, -1, System::nanoTime, (ms, t) -> { })).isInstanceOf(IllegalArgumentException.class);
    }
}
