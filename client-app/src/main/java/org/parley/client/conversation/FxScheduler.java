package org.parley.client.conversation;

import java.time.Duration;
import javafx.animation.PauseTransition;

/** {@link Scheduler} on the JavaFX animation timer. */
public final class FxScheduler implements Scheduler {
    @Override
    public Runnable schedule(Duration delay, Runnable task) {
        PauseTransition p = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        p.setOnFinished(e -> task.run());
        p.play();
        return p::stop;
    }
}
