package org.parley.client.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.client.settings.Appearance;
import org.parley.client.shell.Session;
import org.parley.client.testing.FakeClient;
import org.parley.client.testing.Snapshots;
import org.parley.core.client.CallForwarding;
import org.parley.core.client.CallForwarding.Mode;
import org.parley.core.client.CallTarget;
import org.parley.core.client.ClientConfig;
import org.parley.ui.Theme;
import org.parley.ui.ThemeSwitcher;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The "Call forwarding" dialog driven with mouse and keyboard: a wrong number shows the core's sentence and sends
 * nothing; a right one is stored through the client (a recording fake) and the dialog closes.
 */
@ExtendWith(ApplicationExtension.class)
class ForwardingScreenTest {
    private final FakeClient client = new FakeClient();
    private final List<CallForwarding> stored = new CopyOnWriteArrayList<>();
    private final List<CallForwarding> told = new CopyOnWriteArrayList<>();
    private ForwardingWindow window;

    @Start
    void start(Stage stage) {
        // the dialog is its own stage
    }

    @AfterEach
    void close(FxRobot robot) {
        if (window != null && window.stage() != null) {
            robot.interact(window.stage()::close);
        }
    }

    @Test
    void aWrongNumberIsExplainedAndARightOneIsStoredOnTheServer(FxRobot robot) {
        client.answers.put("TelephonyService.forwarding", args -> CompletableFuture.completedFuture(
                CallForwarding.DEFAULT));
        client.answers.put("TelephonyService.setForwarding", args -> {
            stored.add((CallForwarding) args[0]);
            return CompletableFuture.completedFuture(null);
        });
        Session session = new Session(client, ClientConfig.of("127.0.0.1", 5061, ClientConfig.Transport.TCP, "alice",
                "parley.test", Path.of("unused")));
        robot.interact(() -> {
            window = new ForwardingWindow(session, new Appearance(new ThemeSwitcher(), Theme.LIGHT, 13), told::add);
            window.show();
        });
        Label error = robot.lookup("#forwardingError").queryAs(Label.class);
        assertThat(error.isVisible()).isFalse();

        robot.clickOn("#forwardAll");
        robot.clickOn("#forwardKind");
        robot.clickOn("A number");
        robot.clickOn("#forwardValueNumber").write("call me");
        robot.clickOn("#saveForwarding");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("Not a telephone number: call me.");
        assertThat(stored).isEmpty();
        assertThat(window.stage().isShowing()).isTrue();
        snapshot(robot, "forwarding-error");

        robot.clickOn("#forwardValueNumber").eraseText("call me".length()).write("+1 555 0100");
        assertThat(error.isVisible()).as("editing clears the error").isFalse();
        robot.clickOn("#saveForwarding");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stored).containsExactly(new CallForwarding(Mode.FORWARD_ALL, CallTarget.number("+1 555 0100"), null,
                false, List.of(), CallForwarding.DEFAULT_UNANSWERED_SECONDS, CallTarget.voicemail()));
        assertThat(told).containsExactlyElementsOf(stored);
        assertThat(window.stage().isShowing()).as("OK closes the dialog once stored").isFalse();
        assertThat(client.calls).contains("forwarding");
    }

    private void snapshot(FxRobot robot, String name) {
        String dir = System.getProperty("parley.snapshots");
        if (dir != null) {
            robot.interact(() -> Snapshots.save(window.stage().getScene(), Path.of(dir, name + ".png")));
        }
    }
}
