package org.parley.client.callstatus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.client.history.CallLogViewModel;
import org.parley.client.testing.Parties;
import org.parley.client.testing.SignedInApp;
import org.parley.core.client.CallOptions;
import org.parley.core.client.TelephonyService;
import org.parley.core.client.sip.SipUcClient;
import org.parley.server.testsupport.TestServerExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Bob's main window through a real server: the call line is in the header whatever the core client offers yet
 * (voicemail and forwarding may be missing: the window still opens), a call Alice gives up on before Bob answers
 * counts as missed, and the line opens the forwarding dialog and the call log, which lists calls as they end and
 * calls back from there.
 */
@ExtendWith(ApplicationExtension.class)
class CallStatusScreenTest {
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

    private boolean showing(FxRobot robot, String selector) {
        return robot.listWindows().stream().filter(Window::isShowing).anyMatch(w -> w.getScene().lookup(selector) != null);
    }

    @Test
    void aCallGivenUpBeforeAnswerIsCountedAsMissedAndTheLineOpensForwardingAndTheCallLog(FxRobot robot)
            throws Exception {
        app = SignedInApp.signIn(parley.server(), parties, data, "bob");
        CallStatusViewModel status = app.windows().callStatus().orElseThrow();
        Button voicemail = robot.lookup("#voicemailIndicator").queryButton();
        assertThat(voicemail.getAccessibleText()).isIn("Voicemail unavailable", "No new voicemail");
        assertThat(robot.lookup("#forwardingSummary").queryButton().getText()).startsWith("Call forwarding");
        assertThat(robot.lookup("#missedCalls").queryButton().isVisible()).isFalse();

        SipUcClient alice = parties.signedIn(parley.server(), "alice");
        TelephonyService.Call call = alice.telephony().call("sip:bob@parley.test", CallOptions.NONE);
        SipUcClient bob = (SipUcClient) app.windows().session().orElseThrow().client();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bob.telephony().calls().stream()
                .anyMatch(c -> c.state() == TelephonyService.State.INCOMING));
        alice.telephony().hangup(call.id()).get(10, TimeUnit.SECONDS);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.missedProperty().get() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        Button missed = robot.lookup("#missedCalls").queryButton();
        assertThat(missed.isVisible()).isTrue();
        assertThat(missed.getText()).isEqualTo("1 missed");
        app.snapshot("callstatus-missed");

        robot.interact(missed::fire); // the button's own action: mouse travel between windows is slow headless
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> showing(robot, "#callLog"));
        assertThat(status.missedProperty().get()).as("looking at the log clears the count").isZero();
        TableView<?> log = robot.lookup("#callLog").queryAs(TableView.class);
        assertThat(log.isVisible()).isTrue();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !log.getItems().isEmpty());
        CallLogViewModel.CallItem first = (CallLogViewModel.CallItem) log.getItems().get(0);
        assertThat(first.what()).as("the client's own call log, written when the call ended").isEqualTo("Missed");
        assertThat(first.peer()).isEqualTo("sip:alice@parley.test");
        TelephonyService.Call again = alice.telephony().call("sip:bob@parley.test", CallOptions.NONE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bob.telephony().calls().stream()
                .anyMatch(c -> c.state() == TelephonyService.State.INCOMING));
        alice.telephony().hangup(again.id()).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> log.getItems().size() == 2);
        assertThat(status.missedProperty().get()).isEqualTo(1);

        robot.interact(() -> log.getSelectionModel().select(0));
        robot.interact(robot.lookup("#callBack").queryButton()::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> alice.telephony().calls().stream()
                .anyMatch(c -> c.state() == TelephonyService.State.INCOMING && c.peer().contains("bob")));
        for (TelephonyService.Call c : bob.telephony().calls()) {
            bob.telephony().hangup(c.id()).get(10, TimeUnit.SECONDS);
        }

        robot.interact(robot.lookup("#forwardingSummary").queryButton()::fire);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> showing(robot, ".forwarding"));
    }
}
