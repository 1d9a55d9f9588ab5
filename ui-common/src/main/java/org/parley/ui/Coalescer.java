package org.parley.ui;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Coalesces keyed updates that arrive faster than the screen can show them (presence of hundreds of contacts): the
 * last value per key wins, and at most one apply task is queued on the executor (the {@link UiExecutor}) at a time.
 * Under load the batch grows by itself: everything that arrived while the JavaFX thread was busy is applied in one
 * task, before the next pulse, instead of one task (and one round of listeners) per update. A paced coalescer
 * ({@link #paced}) also keeps its applies at least a minimum interval apart, so a steady stream of updates changes the
 * scene (and makes the renderer paint a frame) a few times a second rather than on every pulse; an update after a
 * quiet spell is still applied at once. {@link #put} may be called from any thread; {@code apply} runs on the
 * executor, in the order the keys first arrived.
 */
public final class Coalescer<K, V> {

    /** Runs a task after a delay (any thread: the task only hands the apply to the executor). */
    @FunctionalInterface
    public interface Delayer {
        void after(long delayMillis, Runnable task);
    }

    private static final Delayer JDK_DELAYER =
            (delay, task) -> CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(task);

    private final Executor executor;
    private final Consumer<Map<K, V>> apply;
    private final long minIntervalNanos;
    private final LongSupplier clock;
    private final Delayer delayer;
    private Map<K, V> pending = new LinkedHashMap<>();
    private boolean scheduled;
    private boolean appliedOnce;
    private long lastApplyNanos;

    /** Applies as soon as the executor runs the task, with no pacing. */
    public Coalescer(Executor executor, Consumer<Map<K, V>> apply) {
        this(executor, apply, 0, System::nanoTime, JDK_DELAYER);
    }

    /**
     * @param minIntervalNanos the least time between the starts of two applies (0: no pacing)
     * @param clock            {@link System#nanoTime} but for tests
     * @param delayer          how a paced apply is put off
     */
    public Coalescer(Executor executor, Consumer<Map<K, V>> apply, long minIntervalNanos, LongSupplier clock,
                     Delayer delayer) {
        if (minIntervalNanos < 0) {
            throw new IllegalArgumentException("minIntervalNanos < 0");
        }
        this.executor = Objects.requireNonNull(executor, "executor");
        this.apply = Objects.requireNonNull(apply, "apply");
        this.minIntervalNanos = minIntervalNanos;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.delayer = Objects.requireNonNull(delayer, "delayer");
    }

    /** A coalescer whose applies start at least {@code minIntervalMillis} apart. */
    public static <K, V> Coalescer<K, V> paced(Executor executor, Consumer<Map<K, V>> apply, long minIntervalMillis) {
        return new Coalescer<>(executor, apply, TimeUnit.MILLISECONDS.toNanos(minIntervalMillis), System::nanoTime,
                JDK_DELAYER);
    }

    /** Records {@code value} for {@code key} (replacing one not applied yet) and makes sure an apply is queued. */
    public void put(K key, V value) {
        long waitNanos;
        synchronized (this) {
            pending.put(key, value);
            if (scheduled) {
                return;
            }
            scheduled = true;
            waitNanos = appliedOnce ? lastApplyNanos + minIntervalNanos - clock.getAsLong() : 0;
        }
        if (waitNanos <= 0) {
            executor.execute(this::drain);
        } else {
            long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999));
            delayer.after(millis, () -> executor.execute(this::drain));
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
            appliedOnce = true;
            lastApplyNanos = clock.getAsLong();
        }
        if (!batch.isEmpty()) {
            apply.accept(Collections.unmodifiableMap(batch));
        }
    }
}
