package org.parley.ui;

import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * The one way onto the JavaFX application thread, for both desktop apps. Code that learns something on another thread
 * (SIP stack, media, store) hands the UI update to this executor; nothing else calls {@link Platform#runLater} (an
 * ArchUnit rule in the installer module checks that). Tasks run later, in the order they were submitted, even when
 * submitted from the application thread itself.
 */
public final class UiExecutor implements Executor {
    @Override
    public void execute(Runnable command) {
        Platform.runLater(Objects.requireNonNull(command, "command"));
    }
}
