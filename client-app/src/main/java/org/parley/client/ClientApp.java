package org.parley.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;
import org.parley.client.settings.Appearance;
import org.parley.client.settings.ClientSettings;
import org.parley.client.settings.SettingsStore;
import org.parley.client.shell.AppWindows;
import org.parley.client.shell.ClientFactory;
import org.parley.core.client.ClientConfig;
import org.parley.core.client.UcClient;
import org.parley.core.client.sip.SipUcClient;
import org.parley.ui.AppIdentity;
import org.parley.ui.BuildInfo;
import org.parley.ui.ThemeSwitcher;
import org.parley.ui.UiExecutor;

/**
 * Composition root of the Communicator: builds the settings, appearance, core-client factory and windows with their
 * collaborators and shows the sign-in screen (signing in at once when the command line says so). Features are wired
 * here by constructor injection; nothing is looked up statically.
 */
public final class ClientApp {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClientApp.class);
    /** The Communicator's name and icon on the screens it shares with the Attendant console (ui-common). */
    static final AppIdentity IDENTITY = new AppIdentity("Parley Communicator", Feather.MESSAGE_CIRCLE);

    private final BuildInfo buildInfo;
    private final ThemeSwitcher themes;
    private final LaunchOptions options;
    private final Consumer<String> browser;
    private AppWindows windows;

    /** {@code browser} opens mailto: and web links with the desktop (HostServices). */
    public ClientApp(BuildInfo buildInfo, ThemeSwitcher themes, LaunchOptions options, Consumer<String> browser) {
        this.buildInfo = Objects.requireNonNull(buildInfo, "buildInfo");
        this.themes = Objects.requireNonNull(themes, "themes");
        this.options = Objects.requireNonNull(options, "options");
        this.browser = Objects.requireNonNull(browser, "browser");
    }

    /** Shows the first screen (sign-in) on {@code stage}. Call on the JavaFX application thread. */
    public void show(Stage stage) {
        SettingsStore settings = new SettingsStore(options.dataRoot());
        ClientSettings s = settings.load();
        Appearance appearance = new Appearance(themes, s.theme(), s.fontSize());
        UiExecutor ui = new UiExecutor();
        ClientFactory factory = new ClientFactory() {
            @Override
            public UcClient create(ClientConfig cfg) {
                ClientSettings now = settings.load();
                UcClient client = SipUcClient.create(cfg.withIdle(Duration.ofMinutes(now.inactiveMinutes()),
                        Duration.ofMinutes(now.awayMinutes())), ui);
                if (now.hasDevices()) { // the audio devices chosen in Options
                    try {
                        client.telephony().useDevices(now.devicesOver(client.telephony().devices()));
                    } catch (RuntimeException e) {
                        LOG.warn("cannot use the chosen audio devices: {}", e.getMessage());
                    }
                }
                return client;
            }

            @Override
            public CompletableFuture<UcClient> start(ClientConfig cfg) {
                // Store and SIP stack start on a worker while the window is built; the answer comes back on the FX thread.
                return CompletableFuture.supplyAsync(() -> create(cfg), ClientApp::startThread)
                        .handleAsync((client, e) -> {
                            if (e != null) {
                                throw e instanceof CompletionException c ? c : new CompletionException(e);
                            }
                            return client;
                        }, ui);
            }
        };
        windows = new AppWindows(stage, IDENTITY, buildInfo.version(), factory, settings, appearance, browser,
                Platform::exit);
        windows.showSignIn(options);
    }

    private static void startThread(Runnable task) {
        Thread t = new Thread(task, "parley-client-start");
        t.setDaemon(true);
        t.start();
    }

    /** The windows once shown (tests). */
    AppWindows windows() {
        return windows;
    }

    /** Signs out and releases the session (the application is stopping). */
    public void stop() {
        if (windows != null) {
            windows.close();
        }
    }
}
