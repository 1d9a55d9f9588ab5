package org.parley.core.client.sip;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Listeners of one kind, always called on the application's executor; a failing listener is logged, not fatal. */
final class Listeners<T> {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<T> listeners = new CopyOnWriteArrayList<>();
    private final Executor executor;

    Listeners(Executor executor) {
        this.executor = executor;
    }

    void add(T listener) {
        listeners.add(listener);
    }

    void fire(Consumer<T> event) {
        if (listeners.isEmpty()) {
            return;
        }
        executor.execute(() -> {
            for (T l : listeners) {
                try {
                    event.accept(l);
                } catch (RuntimeException e) {
                    LOG.warn("a listener failed: {}", e.toString(), e);
                }
            }
        });
    }
}
