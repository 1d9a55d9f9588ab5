package org.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.client.settings.ClientSettings;
import org.parley.client.settings.SettingsStore;
import org.parley.core.client.AudioDevices;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;
import org.parley.ui.BuildInfo;
import org.parley.ui.ThemeSwitcher;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The audio devices saved in Options are given to the client the composition root creates at the next sign-in. */
@ExtendWith(ApplicationExtension.class)
class SavedDevicesAtSignInTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("bob");
    @TempDir
    Path data;
    private Stage stage;
    private ClientApp app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop(FxRobot robot) {
        if (app != null) {
            robot.interact(app::stop);
        }
    }

    @Test
    void theSavedCaptureDeviceIsInUseAfterSignInAndTheOthersKeepTheEnginesDefaults(FxRobot robot) throws Exception {
        new SettingsStore(data).save(ClientSettings.defaults().withDevices("tone:1000", null, null));
        LaunchOptions options = new LaunchOptions(data, "127.0.0.1", parley.server().sipPort(), Transport.TCP.name(),
                "bob@" + TestServer.DOMAIN, TestServer.password("bob").toCharArray());
        robot.interact(() -> {
            app = new ClientApp(BuildInfo.load(), new ThemeSwitcher(), options, uri -> { });
            app.show(stage);
        });

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.windows().session().isPresent()
                && app.windows().mainWindow().isPresent());

        AudioDevices used = app.windows().session().orElseThrow().client().telephony().devices();
        assertThat(used).isEqualTo(new AudioDevices("tone:1000", AudioDevices.HEADLESS.playback(),
                AudioDevices.HEADLESS.ringer()));
    }
}
