package org.parley.client;

import javafx.application.Application;
import javafx.stage.Stage;
import org.parley.ui.BuildInfo;
import org.parley.ui.ThemeSwitcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX lifecycle object; it only hands the primary stage and the launch options to the composition root. */
public final class ClientApplication extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(ClientApplication.class);
    private ClientApp app;

    @Override
    public void start(Stage primaryStage) {
        BuildInfo buildInfo = BuildInfo.load();
        LOG.info("{} {} starting", ClientApp.IDENTITY.title(), buildInfo.version());
        app = new ClientApp(buildInfo, new ThemeSwitcher(), LaunchOptions.defaults(),
                uri -> getHostServices().showDocument(uri));
        app.show(primaryStage);
    }

    @Override
    public void stop() {
        if (app != null) {
            app.stop();
        }
    }
}
