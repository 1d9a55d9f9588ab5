package org.parley.client.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.client.testing.Parties;
import org.parley.client.testing.SignedInApp;
import org.parley.client.testing.Snapshots;
import org.parley.core.client.CallOptions;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.EndReason;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.client.sip.SipUcClient;
import org.parley.server.testsupport.TestServerExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Bob (a real core client) calls Alice (the Communicator) through a real server: the toast rings, Alice answers,
 * holds, resumes and hangs up from the call window; Bob's side of the call follows each step, and the contact
 * list's "Current Conversations" shows the call's state. (First, the dial pad opens and closes from the main window.)
 */
@ExtendWith(ApplicationExtension.class)
class CallScreenTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");
    @RegisterExtension
    final Parties parties = new Parties();
    @TempDir
    Path data;
    private SignedInApp app;

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    /** Every snapshot of Bob's calls, in order. */
    private static final class Seen {
        final List<Call> all = new CopyOnWriteArrayList<>();

        Call await(Predicate<Call> p) throws Exception {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> all.stream().anyMatch(p));
            return all.stream().filter(p).reduce((a, b) -> b).orElseThrow();
        }

        /** The newest snapshot of call {@code id}. */
        Call latest(String id) {
            return all.stream().filter(c -> c.id().equals(id)).reduce((a, b) -> b).orElseThrow();
        }
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void waitText(FxRobot robot, String id, String expected) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup(id).queryAll().isEmpty()
                && expected.equals(text(robot, id)));
    }

    @Test
    void incomingCallIsAnsweredHeldResumedAndHungUpFromTheCommunicator(FxRobot robot) throws Exception {
        SipUcClient bob = parties.signedIn(parley.server(), "bob");
        Seen b = new Seen();
        bob.telephony().addCallListener(b.all::add);
        app = SignedInApp.signIn(parley.server(), parties, data, "alice");

        // The dial pad opens from the main window's phone button with the cursor in its field; Esc closes it.
        robot.clickOn("#dialPadButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#dialTarget").queryAll().isEmpty()
                && robot.lookup("#dialTarget").query().isFocused());
        robot.clickOn("#dial-5");
        assertThat(robot.lookup("#dialTarget").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("5");
        Snapshots.save(robot.lookup("#dialTarget").query().getScene(), "dial-pad-light-13px");
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#dialTarget").queryAll().isEmpty());

        Call placed = bob.telephony().call("alice", new CallOptions("Release plan", true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#callAnswer").queryAll().isEmpty());
        waitText(robot, "#callToastName", "Bob Test"); // the directory's name replaces the address
        assertThat(text(robot, "#callToastSubject")).isEqualTo("! Release plan");
        b.await(c -> c.id().equals(placed.id()) && c.state() == State.RINGING);
        Snapshots.save(robot.lookup("#callAnswer").queryAs(Button.class).getScene(), "call-toast-light-13px");

        robot.clickOn("#callAnswer");
        waitText(robot, "#callState", "Connected");
        b.await(c -> c.id().equals(placed.id()) && c.state() == State.CONNECTED);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#callAnswer").queryAll().isEmpty());
        assertThat(text(robot, "#callName")).isEqualTo("Bob Test");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text(robot, "#callTimer").matches("0:0\\d"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> app.main().contacts().item("sip:bob@parley.test").map(i -> "On a call".equals(i.callState()))
                        .orElse(false));

        // The quality line is polled from core every second once media flows (SRTP by default: the lock shows).
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#callQuality").contains("jitter"));
        assertThat(robot.lookup("#callEncrypted").queryAs(Label.class).isVisible()).isTrue();
        Snapshots.save(robot.lookup("#callHold").queryAs(Button.class).getScene(), "call-window-light-13px");

        robot.clickOn("#callHold");
        waitText(robot, "#callState", "On hold");
        b.await(c -> c.id().equals(placed.id()) && c.state() == State.REMOTE_HELD);
        assertThat(robot.lookup("#callHold").queryAs(Button.class).getText()).isEqualTo("_Resume");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> app.main().contacts().item("sip:bob@parley.test").map(i -> "On hold".equals(i.callState()))
                        .orElse(false));
        Snapshots.save(robot.lookup("#callHold").queryAs(Button.class).getScene(), "call-window-held-light-13px");

        robot.clickOn("#callHold");
        waitText(robot, "#callState", "Connected");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> b.latest(placed.id()).state() == State.CONNECTED);

        robot.clickOn("#callHangUp");
        Call ended = b.await(c -> c.id().equals(placed.id()) && c.state() == State.ENDED);
        assertThat(ended.endReason()).isEqualTo(EndReason.REMOTE_HANGUP);
        waitText(robot, "#callState", "Call ended: you hung up");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> app.main().contacts().item("sip:bob@parley.test").map(i -> i.callState() == null).orElse(true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .noneMatch(w -> w instanceof Stage s && s.getUserData() instanceof CallWindow));
    }

}
