package org.parley.core.client.sip;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's one engine thread (all SIP state lives on it: no locks) and the application's executor (where
 * results and events are delivered).
 */
final class Engine {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final ScheduledExecutorService thread;
    private final Executor app;

    Engine(ScheduledExecutorService thread, Executor app) {
        this.thread = thread;
        this.app = app;
    }

    ScheduledExecutorService thread() {
        return thread;
    }

    Executor app() {
        return app;
    }

    void execute(Runnable r) {
        thread.execute(guarded(r));
    }

    ScheduledFuture<?> schedule(Runnable r, Duration after) {
        return thread.schedule(guarded(r), Math.max(0, after.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code work} on the engine; the returned future completes on the application's executor. */
    <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> work) {
        CompletableFuture<T> out = new CompletableFuture<>();
        thread.execute(() -> {
            CompletableFuture<T> f;
            try {
                f = work.get();
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            f.whenComplete((v, e) -> app.execute(() -> {
                if (e != null) {
                    out.completeExceptionally(unwrap(e));
                } else {
                    out.complete(v);
                }
            }));
        });
        return out;
    }

    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The failure as a ParleyException (INTERNAL for anything else). */
    static ParleyException parley(Throwable e) {
        Throwable t = unwrap(e);
        return t instanceof ParleyException p ? p : new ParleyException(ErrorCode.INTERNAL, String.valueOf(t.getMessage()), t);
    }

    private static Runnable guarded(Runnable r) {
        return () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("client engine task failed: {}", e.toString(), e);
            }
        };
    }
}
