package org.parley.client.contacts;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Runs a task once after a fixed delay on the JavaFX application thread (a {@link PauseTransition}, no thread). The
 * list coalesces presence-driven re-sorting with it and the search debounces directory queries; tests pass a manual
 * one and run the tasks when they choose.
 */
@FunctionalInterface
public interface Later {
    void run(Runnable task);

    /** The JavaFX one: {@code millis} after each call, on the application thread. */
    static Later fx(long millis) {
        return task -> {
            PauseTransition pause = new PauseTransition(Duration.millis(millis));
            pause.setOnFinished(e -> task.run());
            pause.play();
        };
    }
}
