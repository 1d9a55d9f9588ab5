package org.parley.attendant.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.attendant.AttendantApp;
import org.parley.attendant.AttendantOptions;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.sip.ClientTuning;
import org.parley.core.client.sip.SipUcClient;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;
import org.parley.ui.BuildInfo;
import org.parley.ui.ThemeSwitcher;
import org.parley.ui.UiExecutor;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@code parley attendant} without a password on a real server: the sign-in screen comes up, a wrong password shows
 * the core's message, the right one (Enter) opens the console; the next start remembers server, transport and address.
 */
@ExtendWith(ApplicationExtension.class)
class SignInScreenTest {
    private static final ClientTuning FAST = ClientTuning.defaults().withRequestTimeout(Duration.ofSeconds(3))
            .withKeepAlive(Duration.ofSeconds(1)).withBackoff(Duration.ofMillis(250), Duration.ofSeconds(2));

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("frontdesk");
    @TempDir
    Path data;
    private AttendantApp app;

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.setupFixture(app::stop);
        }
        FxToolkit.cleanupStages();
    }

    private void start(Stage stage, AttendantOptions options) throws Exception {
        FxToolkit.setupFixture(() -> {
            app = new AttendantApp(BuildInfo.load(), new ThemeSwitcher(), options,
                    cfg -> SipUcClient.create(cfg, new UiExecutor(), FAST, Clock.systemUTC()));
            app.show(stage);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void typeInto(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(""));
        robot.clickOn(id).write(text);
    }

    @Test
    void wrongPasswordShowsTheErrorAndTheRightOneOpensTheConsole(FxRobot robot) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        start(stage, new AttendantOptions(data, null, null, null, null, null));
        assertThat(robot.lookup("#signInView").tryQuery()).isPresent();
        assertThat(robot.lookup("#signInButton").queryButton().isDisabled()).isTrue();

        typeInto(robot, "#signInAddress", "frontdesk@" + TestServer.DOMAIN);
        typeInto(robot, "#signInServer", "127.0.0.1");
        typeInto(robot, "#signInPort", Integer.toString(parley.server().sipPort()));
        robot.interact(() -> robot.lookup("#signInTransport").<Transport>queryComboBox().setValue(Transport.TCP));
        typeInto(robot, "#signInPassword", "not-the-password");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> !robot.lookup("#signInError").queryAs(Labeled.class).getText().isEmpty());
        assertThat(robot.lookup("#signInError").queryAs(Labeled.class).getText())
                .contains("wrong user name or password");
        assertThat(app.console()).isEmpty();

        typeInto(robot, "#signInPassword", TestServer.password("frontdesk"));
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> app.console().isPresent());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#queue").tryQuery().isPresent());
        assertThat(stage.getTitle()).isEqualTo("Parley Attendant — frontdesk@parley.test");

        // Next start: the form remembers everything but the password.
        FxToolkit.setupFixture(app::stop);
        app = null;
        start(stage, new AttendantOptions(data, null, null, null, null, null));
        assertThat(robot.lookup("#signInAddress").queryAs(TextField.class).getText())
                .isEqualTo("frontdesk@parley.test");
        assertThat(robot.lookup("#signInServer").queryAs(TextField.class).getText()).isEqualTo("127.0.0.1");
        assertThat(robot.lookup("#signInPort").queryAs(TextField.class).getText())
                .isEqualTo(Integer.toString(parley.server().sipPort()));
        assertThat(robot.lookup("#signInTransport").<Transport>queryComboBox().getValue()).isEqualTo(Transport.TCP);
        assertThat(robot.lookup("#signInPassword").queryAs(TextField.class).getText()).isEmpty();
    }
}
