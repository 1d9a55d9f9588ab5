package org.parley.attendant;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.stage.Stage;
import org.parley.ui.BuildInfo;
import org.parley.ui.ThemeSwitcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX lifecycle object; it only hands the primary stage and the launch options to the composition root. */
public final class AttendantApplication extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(AttendantApplication.class);
    /** The options {@link AttendantMain} parsed (JavaFX builds this object itself); taken once. */
    private static final AtomicReference<AttendantOptions> HANDED_OVER = new AtomicReference<>();
    private AttendantApp app;

    static void handOver(AttendantOptions options) {
        HANDED_OVER.set(options);
    }

    @Override
    public void start(Stage primaryStage) {
        BuildInfo buildInfo = BuildInfo.load();
        LOG.info("{} {} starting", AttendantApp.IDENTITY.title(), buildInfo.version());
        AttendantOptions options = HANDED_OVER.getAndSet(null);
        app = new AttendantApp(buildInfo, new ThemeSwitcher(), options == null ? AttendantOptions.defaults() : options,
                AttendantApp.sipClients(), Clock.systemUTC(), uri -> getHostServices().showDocument(uri.toString()));
        app.show(primaryStage);
    }

    @Override
    public void stop() {
        if (app != null) {
            app.stop();
        }
    }
}
