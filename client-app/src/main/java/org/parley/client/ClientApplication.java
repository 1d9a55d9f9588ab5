package org.parley.client;

import java.util.concurrent.atomic.AtomicReference;
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

    /**
     * The options {@link ClientMain} parsed before launching (with the password it read from stdin): JavaFX builds
     * this object itself, so they cannot come through a constructor. One shot: {@link #launchOptions()} takes them.
     */
    private static final AtomicReference<LaunchOptions> HANDED_OVER = new AtomicReference<>();

    /** Called by {@link ClientMain} just before {@code Application.launch}. */
    static void handOver(LaunchOptions options) {
        HANDED_OVER.set(options);
    }

    /**
     * What the command line asked for: the options {@link ClientMain} handed over (once), else the raw parameters
     * parsed again (without reading stdin), else the defaults when they cannot be parsed.
     */
    LaunchOptions launchOptions() {
        LaunchOptions handed = HANDED_OVER.getAndSet(null);
        if (handed != null) {
            return handed;
        }
        try {
            return ClientCommandLine.parse(getParameters() == null ? java.util.List.of() : getParameters().getRaw());
        } catch (ClientCommandLine.Exit e) {
            LOG.warn("ignoring the command line: {}", e.text().strip());
            return LaunchOptions.defaults();
        }
    }

    @Override
    public void start(Stage primaryStage) {
        BuildInfo buildInfo = BuildInfo.load();
        LOG.info("{} {} starting", ClientApp.IDENTITY.title(), buildInfo.version());
        app = new ClientApp(buildInfo, new ThemeSwitcher(), launchOptions(),
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
