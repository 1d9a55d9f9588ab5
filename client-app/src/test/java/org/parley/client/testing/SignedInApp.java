package org.parley.client.testing;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;
import org.parley.client.LaunchOptions;
import org.parley.client.main.MainWindow;
import org.parley.client.settings.Appearance;
import org.parley.client.settings.SettingsStore;
import org.parley.client.shell.AppWindows;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.server.ParleyServer;
import org.parley.server.testsupport.TestServer;
import org.parley.ui.AppIdentity;
import org.parley.ui.Theme;
import org.parley.ui.ThemeSwitcher;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Communicator's windows on the TestFX primary stage, signed in as one user through its sign-in screen. */
public final class SignedInApp {
    private final Stage stage;
    private final AppWindows windows;

    private SignedInApp(Stage stage, AppWindows windows) {
        this.stage = stage;
        this.windows = windows;
    }

    public static SignedInApp signIn(ParleyServer server, Parties parties, Path data, String user) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        AppWindows[] w = new AppWindows[1];
        FxToolkit.setupFixture(() -> {
            Appearance appearance = new Appearance(new ThemeSwitcher(), Theme.LIGHT, 13);
            w[0] = new AppWindows(stage, new AppIdentity("Parley Communicator", Feather.MESSAGE_CIRCLE), "test",
                    parties.appFactory(), new SettingsStore(data), appearance, uri -> { }, () -> { });
            w[0].showSignIn(new LaunchOptions(data, "127.0.0.1", server.sipPort(), Transport.TCP.name(),
                    user + "@" + TestServer.DOMAIN, TestServer.password(user).toCharArray()));
        });
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> w[0].mainWindow().isPresent());
        return new SignedInApp(stage, w[0]);
    }

    public Stage stage() {
        return stage;
    }

    public AppWindows windows() {
        return windows;
    }

    public MainWindow main() {
        return windows.mainWindow().orElseThrow();
    }

    public void close() throws Exception {
        FxToolkit.setupFixture(windows::close);
        FxToolkit.cleanupStages();
    }

    public void snapshot(String name) {
        String dir = System.getProperty("parley.snapshots");
        if (dir != null) {
            new FxRobot().interact(() -> Snapshots.save(stage.getScene(), Path.of(dir, name + ".png")));
        }
    }
}
