package org.parley.attendant;

import javafx.application.Application;
import javafx.stage.Stage;
import org.parley.ui.BuildInfo;
import org.parley.ui.ThemeSwitcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX lifecycle object; it only hands the primary stage to the composition root. */
public final class AttendantApplication extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(AttendantApplication.class);

    @Override
    public void start(Stage primaryStage) {
        BuildInfo buildInfo = BuildInfo.load();
        LOG.info("{} {} starting", AttendantApp.IDENTITY.title(), buildInfo.version());
        new AttendantApp(buildInfo, new ThemeSwitcher()).show(primaryStage);
    }
}
