package org.parley.ui;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Coalesces keyed updates that arrive faster than the screen can show them (presence of hundreds of contacts): the
 * last value per key wins, and at most one apply task is queued on the executor (the {@link UiExecutor}) at a time.
 * Under load the batch grows by itself: everything that arrived while the JavaFX thread was busy is applied in one
 * task, before the next pulse, instead of one task (and one round of listeners) per update. {@link #put} may be called
 * from any thread; {@code apply} runs on the executor, in the order the keys first arrived.
 */
public final class Coalescer<K, V> {
    private final Executor executor;
    private final Consumer<Map<K, V>> apply;
    private Map<K, V> pending = new LinkedHashMap<>();
    private boolean scheduled;

    public Coalescer(Executor executor, Consumer<Map<K, V>> apply) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.apply = Objects.requireNonNull(apply, "apply");
    }

    /** Records {@code value} for {@code key} (replacing one not applied yet) and makes sure an apply is queued. */
    public void put(K key, V value) {
        boolean schedule;
        synchronized (this) {
            pending.put(key, value);
            schedule = !scheduled;
            scheduled = true;
        }
        if (schedule) {
            executor.execute(this::drain);
        }
    }

    /** How many keys wait for the next apply. */
    public synchronized int pending() {
        return pending.size();
    }

    private void drain() {
        Map<K, V> batch;
        synchronized (this) {
            batch = pending;
            pending = new LinkedHashMap<>();
            scheduled = false;
        }
        if (!batch.isEmpty()) {
            apply.accept(Collections.unmodifiableMap(batch));
        }
    }
}
