package org.parley.client.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.feather.Feather;
import org.parley.client.LaunchOptions;
import org.parley.client.settings.Appearance;
import org.parley.client.settings.SettingsStore;
import org.parley.client.shell.AppWindows;
import org.parley.client.testing.Parties;
import org.parley.client.testing.Snapshots;
import org.parley.server.testsupport.FreePorts;
import org.parley.server.testsupport.TestServerExtension;
import org.parley.ui.AppIdentity;
import org.parley.ui.Theme;
import org.parley.ui.ThemeSwitcher;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The sign-in screen against a real server: success opens the main window, failures say why in words. */
@ExtendWith(ApplicationExtension.class)
class SignInScreenTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice");
    @RegisterExtension
    final Parties parties = new Parties();
    @TempDir
    Path data;
    private AppWindows windows;
    private Stage stage;

    @BeforeEach
    void open() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            Appearance appearance = new Appearance(new ThemeSwitcher(), Theme.LIGHT, 13);
            windows = new AppWindows(stage, new AppIdentity("Parley Communicator", Feather.MESSAGE_CIRCLE), "1.0-test",
                    parties.appFactory(), new SettingsStore(data), appearance, uri -> { }, () -> { });
            windows.showSignIn(LaunchOptions.defaults());
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.setupFixture(() -> windows.close());
        FxToolkit.cleanupStages();
    }

    /** Fills the form; only the success test types (robot typing is slow on a busy machine). */
    private void fill(FxRobot robot, String address, String password, int port) {
        fill(robot, address, password, port, false);
    }

    private void fill(FxRobot robot, String address, String password, int port, boolean type) {
        robot.interact(() -> {
            robot.lookup("#signInServer").queryAs(TextField.class).setText("127.0.0.1");
            robot.lookup("#signInPort").queryAs(TextField.class).setText(Integer.toString(port));
            windows.signInViewModel().orElseThrow().transportProperty()
                    .set(org.parley.core.client.ClientConfig.Transport.TCP);
        });
        if (type) {
            robot.clickOn("#signInAddress").write(address);
            robot.clickOn("#signInPassword").write(password);
        } else {
            robot.interact(() -> {
                robot.lookup("#signInAddress").queryAs(TextField.class).setText(address);
                robot.lookup("#signInPassword").queryAs(TextField.class).setText(password);
            });
        }
    }

    @Test
    void signInWithTheRightPasswordOpensTheMainWindowWithMyName(FxRobot robot) throws Exception {
        fill(robot, "alice@parley.test", "pw-alice", parley.server().sipPort(), true);
        robot.clickOn("#signInButton");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stage.getScene().lookup("#mainView") != null);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> "Alice Test".equals(robot.lookup("#ownName").queryAs(Label.class).getText()));
        assertThat(windows.session()).isPresent();
        assertThat(new SettingsStore(data).load().address()).isEqualTo("alice@parley.test");
        snapshot("main-signed-in");
    }

    @Test
    void wrongPasswordSaysSoAndStaysOnTheSignInScreen(FxRobot robot) throws Exception {
        fill(robot, "alice@parley.test", "not-her-password", parley.server().sipPort());
        robot.clickOn("#signInButton");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#signInError").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#signInError").queryAs(Label.class).getText())
                .isEqualTo("Wrong sign-in address or password.");
        assertThat(stage.getScene().lookup("#mainView")).isNull();
        assertThat(robot.lookup("#signInButton").queryAs(Button.class).isDisabled()).isFalse();
        snapshot("signin-error");
    }

    @Test
    void unreachableServerSaysItCannotBeReached(FxRobot robot) throws Exception {
        fill(robot, "alice@parley.test", "pw-alice", FreePorts.tcp());
        robot.clickOn("#signInButton");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> robot.lookup("#signInError").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#signInError").queryAs(Label.class).getText())
                .containsAnyOf("Cannot reach the server 127.0.0.1:", "did not answer in time");
    }

    @Test
    void aMalformedAddressKeepsTheButtonDisabledWithAHint(FxRobot robot) {
        fill(robot, "alice-at-parley.test", "pw-alice", parley.server().sipPort());

        assertThat(robot.lookup("#signInButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#signInHint").queryAs(Label.class).getText()).contains("name@domain");
        snapshot("signin-invalid");
    }

    @Test
    void rememberedSignInWithSignInAtStartSignsInWhenTheAppStartsAgain(FxRobot robot) throws Exception {
        fill(robot, "alice@parley.test", "pw-alice", parley.server().sipPort());
        robot.clickOn("#rememberMe").clickOn("#signInAtStart").clickOn("#signInButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> windows.session().isPresent());
        assertThat(java.nio.file.Files.readString(windows.session().orElseThrow().dataDir()
                .resolve(RememberedSignIn.FILE))).doesNotContain("pw-alice");

        FxToolkit.setupFixture(() -> {
            windows.close();
            Appearance appearance = new Appearance(new ThemeSwitcher(), Theme.LIGHT, 13);
            windows = new AppWindows(stage, new AppIdentity("Parley Communicator", Feather.MESSAGE_CIRCLE), "1.0-test",
                    parties.appFactory(), new SettingsStore(data), appearance, uri -> { }, () -> { });
            windows.showSignIn(LaunchOptions.defaults());
        });

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> windows.session().isPresent());
        assertThat(windows.session().orElseThrow().aor()).isEqualTo("sip:alice@parley.test");
    }

    private void snapshot(String name) {
        String dir = System.getProperty("parley.snapshots");
        if (dir != null) {
            new FxRobot().interact(() -> Snapshots.save(stage.getScene(), Path.of(dir, name + ".png")));
        }
    }
}
