package org.parley.client.conversation;

import java.time.Duration;

/** Runs something later on the JavaFX thread (a PauseTransition in the app, a manual clock in tests). */
@FunctionalInterface
public interface Scheduler {
    /** Returns what cancels it. */
    Runnable schedule(Duration delay, Runnable task);
}
