package org.parley.attendant.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.attendant.AttendantApp;
import org.parley.attendant.testsupport.Parties;
import org.parley.attendant.AttendantOptions;
import org.parley.attendant.queue.QueueItem;
import org.parley.core.client.CallOptions;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.client.sip.SipUcClient;
import org.parley.core.model.InstantMessage;
import org.parley.core.model.PresenceState;
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
 * IM consult on a real server: Alice calls the console; Dave is In a meeting, so the hint offers IM consult; the
 * attendant asks him by IM (I), Alice is held, Dave (a core client) replies, the reply shows in the consult pane, and
 * Complete (X) transfers Alice to Dave. On the way, Ctrl+E e-mails the call's notes (a recording mail program).
 */
@ExtendWith(ApplicationExtension.class)
class ImConsultScreenTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("frontdesk", "alice", "dave");
    @TempDir
    Path data;
    @TempDir
    Path others;
    private final Parties parties = new Parties(parley, () -> others);
    private final List<InstantMessage> daveGot = new CopyOnWriteArrayList<>();
    private final List<URI> mailed = new CopyOnWriteArrayList<>();
    private AttendantApp app;

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.setupFixture(app::stop);
        }
        parties.close();
        FxToolkit.cleanupStages();
    }

    private AttendantApp.Console console() {
        return app.console().orElseThrow();
    }

    @Test
    void imConsultAsksTheTargetShowsTheReplyAndCompleteTransfersTheCall(FxRobot robot) throws Exception {
        SipUcClient alice = parties.signIn("alice");
        SipUcClient dave = parties.signIn("dave");
        dave.presence().setState(PresenceState.IN_A_MEETING).get(10, TimeUnit.SECONDS);
        dave.messaging().addListener(daveGot::add);
        dave.telephony().addCallListener(call -> {
            if (call.state() == State.INCOMING) {
                dave.telephony().answer(call.id());
            }
        });
        Stage stage = FxToolkit.registerPrimaryStage();
        AttendantOptions options = new AttendantOptions(data, "127.0.0.1", parley.server().sipPort(), "TCP",
                "frontdesk@" + TestServer.DOMAIN, TestServer.password("frontdesk").toCharArray());
        FxToolkit.setupFixture(() -> {
            app = new AttendantApp(BuildInfo.load(), new ThemeSwitcher(), options,
                    cfg -> SipUcClient.create(cfg, new UiExecutor(), Parties.FAST, Clock.systemUTC()), Clock.systemUTC(),
                    mailed::add);
            app.show(stage);
        });
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> app.console().isPresent());
        WaitForAsyncUtils.asyncFx(() -> console().client().contacts().addGroup("Office")
                .thenCompose(list -> console().client().contacts().add("sip:dave@parley.test",
                        list.groups().get(0).id()))).get().get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> console().contacts().rows().size() == 1
                && console().contacts().rows().get(0).state() == PresenceState.IN_A_MEETING);

        Call fromAlice = alice.telephony().call("frontdesk", CallOptions.NONE);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> console().queue().items().size() == 1
                && "Alice Test".equals(console().queue().items().get(0).name()));
        robot.interact(() -> robot.lookup("#queue").query().requestFocus());
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        parties.await(c -> c.id().equals(fromAlice.id()) && c.state() == State.CONNECTED);

        // Dave is In a meeting: the hint offers IM consult.
        robot.interact(() -> robot.lookup("#target").queryAs(TextField.class).setText("sip:dave@parley.test"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#imConsultOffer").query().isVisible());
        robot.clickOn("#imConsultOffer");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> daveGot.stream()
                .anyMatch(m -> m.text().equals("Alice Test is on the line for you — take it?")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> parties.seen().stream()
                .anyMatch(c -> c.id().equals(fromAlice.id()) && c.state() == State.REMOTE_HELD));
        assertThat(robot.lookup("#imConsult").query().isVisible()).isTrue();

        dave.messaging().send("sip:frontdesk@parley.test", "text/plain", "OK, put her through")
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                console().imConsult().lines().contains("Dave Test: OK, put her through")).get());

        // Notes for Alice's call go out by e-mail (Ctrl+E opens the mail program: here the recording fake).
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ListView<QueueItem> queue = robot.lookup("#queue").queryAs(ListView.class);
            queue.getSelectionModel().select(0);
            queue.requestFocus();
            console().notes().textProperty().set("Alice asks Dave about the contract");
        });
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> mailed.size() == 1);
        assertThat(URLDecoder.decode(mailed.get(0).getRawSchemeSpecificPart(), StandardCharsets.UTF_8))
                .startsWith("?subject=Call with Alice Test at ")
                .endsWith("&body=Alice asks Dave about the contract");

        robot.interact(() -> robot.lookup("#queue").query().requestFocus());
        robot.press(KeyCode.X).release(KeyCode.X);
        parties.await(c -> c.peer() != null && c.peer().startsWith("sip:alice@") && c.state() == State.CONNECTED
                && !c.id().equals(fromAlice.id()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#imConsult").query().isVisible());
    }
}
