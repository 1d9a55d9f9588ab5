package org.parley.attendant.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.attendant.AttendantApp;
import org.parley.attendant.testsupport.Parties;
import org.parley.attendant.AttendantOptions;
import org.parley.attendant.notes.CallNotes;
import org.parley.attendant.queue.QueueItem;
import org.parley.core.client.CallOptions;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.client.sip.SipUcClient;
import org.parley.core.store.ClientStore;
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
 * The console signed in as "frontdesk" on a real server; Alice, Bob and Carol (real core clients) call it. Their calls
 * queue; clicking a call makes it active and holds the others (as the callers see it); Carol is blind-transferred to
 * Dave; Alice is consult-transferred to Erin; the notes written for Alice's call are still there after the console is closed.
 */
@ExtendWith(ApplicationExtension.class)
class QueueScreenTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("frontdesk", "alice", "bob", "carol", "dave", "erin");
    @TempDir
    Path data;
    @TempDir
    Path others;
    private final Parties parties = new Parties(parley, () -> others);
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

    private String callIdOf(String user) throws Exception {
        return QueueCards.callIdFrom(console(), user);
    }

    private QueueCard cardOf(FxRobot robot, String user) throws Exception {
        return QueueCards.ofCallFrom(robot, console(), user);
    }

    @Test
    void threeCallersQueueClickingSwitchesTheActiveCallAndBlindAndConsultTransfersComplete(FxRobot robot) throws Exception {
        SipUcClient alice = parties.signIn("alice");
        SipUcClient bob = parties.signIn("bob");
        SipUcClient carol = parties.signIn("carol");
        for (String user : List.of("dave", "erin")) { // they answer every call
            SipUcClient c = parties.signIn(user);
            c.telephony().addCallListener(call -> {
                if (call.state() == State.INCOMING) {
                    c.telephony().answer(call.id());
                }
            });
        }
        Stage stage = FxToolkit.registerPrimaryStage();
        AttendantOptions options = new AttendantOptions(data, "127.0.0.1", parley.server().sipPort(), "TCP",
                "frontdesk@" + TestServer.DOMAIN, TestServer.password("frontdesk").toCharArray());
        FxToolkit.setupFixture(() -> {
            app = new AttendantApp(BuildInfo.load(), new ThemeSwitcher(), options,
                    cfg -> SipUcClient.create(cfg, new UiExecutor(), Parties.FAST, Clock.systemUTC()));
            app.show(stage);
        });
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> app.console().isPresent());
        // The attendant's "Office" group: Dave and Alice, with live presence.
        WaitForAsyncUtils.asyncFx(() -> console().client().contacts().addGroup("Office")
                .thenCompose(list -> console().client().contacts().add("sip:dave@parley.test",
                        list.groups().get(0).id()))
                .thenCompose(list -> console().client().contacts().add("sip:alice@parley.test",
                        list.groups().get(0).id()))).get().get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> console().contacts().rows().size() == 2
                && console().contacts().rows().stream().allMatch(r -> r.state().name().equals("AVAILABLE")));

        Call fromAlice = alice.telephony().call("frontdesk", CallOptions.NONE);
        parties.await(c -> c.id().equals(fromAlice.id()) && c.state() == State.RINGING);
        Call fromBob = bob.telephony().call("frontdesk", CallOptions.NONE);
        parties.await(c -> c.id().equals(fromBob.id()) && c.state() == State.RINGING);
        Call fromCarol = carol.telephony().call("frontdesk", CallOptions.NONE);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> console().queue().items().size() == 3);
        assertThat(WaitForAsyncUtils.asyncFx(() -> console().queue().items().stream()
                .map(i -> i.call().peer()).toList()).get())
                .containsExactly("sip:alice@parley.test", "sip:bob@parley.test", "sip:carol@parley.test");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> console().queue().items().stream()
                .map(QueueItem::name).toList().equals(List.of("Alice Test", "Bob Test", "Carol Test")));

        // F1 shows the shortcuts, Esc hides them; Space answers the call waiting longest (Alice); clicking Bob
        // answers him and holds Alice.
        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#help").query().isVisible());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#help").query().isVisible());
        robot.interact(() -> robot.lookup("#queue").query().requestFocus());
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        parties.await(c -> c.id().equals(fromAlice.id()) && c.state() == State.CONNECTED);
        robot.clickOn(cardOf(robot, "bob"));
        parties.await(c -> c.id().equals(fromBob.id()) && c.state() == State.CONNECTED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> parties.latest(fromAlice.id()) == State.REMOTE_HELD);
        save(stage, "attendant-queue");
        // Contact rows have a fixed height (CSS -fx-fixed-cell-size, so that presence changes do not make the list
        // measure its rows again): it must still fit a row's text and presence dot in the console's type.
        List<double[]> rows = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#contacts .list-cell")
                .queryAllAs(javafx.scene.control.ListCell.class).stream().filter(c -> c.getText() != null)
                .map(c -> new double[] {Math.max(c.lookup(".text").getLayoutBounds().getHeight(),
                        c.getGraphic().getLayoutBounds().getHeight()) + c.snappedTopInset() + c.snappedBottomInset(),
                        c.getHeight()})
                .toList()).get();
        assertThat(rows).as("contact rows shown").isNotEmpty();
        rows.forEach(r -> assertThat(r[0]).as("a contact row's content fits its fixed height").isLessThanOrEqualTo(r[1]));

        // Enter on Carol (selected, focus in the queue) answers her and holds Bob; exactly one call is active.
        String id = callIdOf("carol");
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ListView<QueueItem> queue = robot.lookup("#queue").queryAs(ListView.class);
            queue.getSelectionModel().select(console().queue().item(id).orElseThrow());
            queue.requestFocus();
        });
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        parties.await(c -> c.id().equals(fromCarol.id()) && c.state() == State.CONNECTED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> parties.latest(fromBob.id()) == State.REMOTE_HELD
                && parties.latest(fromAlice.id()) == State.REMOTE_HELD);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> console().queue().items().stream()
                .filter(i -> i.state() == State.CONNECTED).count() == 1
                && console().queue().active().map(i -> i.call().peer()).orElse("").equals("sip:carol@parley.test"));

        // With a 2 s limit, the held calls turn long-hold (the card's :long-hold pseudo-class, flashing).
        WaitForAsyncUtils.asyncFx(() -> {
            console().queue().soundsProperty().set(false);
            console().queue().holdLimitProperty().set(Duration.ofSeconds(2));
        }).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cardOf(robot, "bob").getPseudoClassStates()
                .contains(QueueCard.LONG_HOLD));
        save(stage, "attendant-long-hold");
        WaitForAsyncUtils.asyncFx(() -> console().queue().holdLimitProperty().set(Duration.ofSeconds(60))).get();

        // Notes for Alice's call.
        robot.clickOn(cardOf(robot, "alice")); // resumes Alice, holds Carol
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> parties.latest(fromAlice.id()) == State.CONNECTED
                && parties.latest(fromCarol.id()) == State.REMOTE_HELD);
        String aliceCall = callIdOf("alice");
        robot.clickOn("#notes").write("Call back about the invoice");
        robot.clickOn("#saveNotes");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> console().notes().history().size() == 1);

        // Blind transfer of Carol to Dave: select Carol (Carol is held), type the target, Transfer.
        robot.clickOn(cardOf(robot, "carol")); // Carol active again, Alice held
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> parties.latest(fromCarol.id()) == State.CONNECTED);
        robot.clickOn("#target").write("dave");
        robot.clickOn("#transferButton");
        Call carolToDave = parties.await(c -> !c.id().equals(fromCarol.id()) && "sip:dave@parley.test".equals(c.peer())
                && c.state() == State.CONNECTED);
        assertThat(carolToDave.referredBy()).contains("frontdesk");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> console().queue().items().stream()
                .noneMatch(i -> i.call().peer().equals("sip:carol@parley.test")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "Transferred to dave".equals(console().queue().statusProperty().get()));

        // Consult: Alice (held) is picked up, Erin is called first, then Complete joins Alice and Erin.
        robot.clickOn(cardOf(robot, "alice"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> parties.latest(fromAlice.id()) == State.CONNECTED);
        robot.interact(() -> robot.lookup("#target").queryAs(TextField.class).clear());
        robot.clickOn("#target").write("erin");
        robot.clickOn("#consultButton");
        parties.await(c -> "sip:frontdesk@parley.test".equals(c.peer()) && c.state() == State.CONNECTED
                && c.direction() == Direction.INCOMING);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> parties.latest(fromAlice.id()) == State.REMOTE_HELD);
        robot.clickOn("#completeButton");
        parties.await(c -> !c.id().equals(fromAlice.id()) && "sip:erin@parley.test".equals(c.peer())
                && c.state() == State.CONNECTED);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> console().queue().items().stream()
                .noneMatch(i -> i.call().peer().equals("sip:alice@parley.test")
                        || i.call().peer().equals("sip:erin@parley.test")));

        FxToolkit.setupFixture(app::stop);
        app = null;
        try (ClientStore store = ClientStore.open(data.resolve("frontdesk@parley.test").resolve("attendant"))) {
            assertThat(new CallNotes(store).of(aliceCall)).map(CallNotes.Note::text)
                    .contains("Call back about the invoice");
        }
    }

    /** Writes the window to target/screens/NAME.png (docs/screenshots holds a copy). */
    private static void save(Stage stage, String name) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            WritableImage img = stage.getScene().snapshot(null);
            BufferedImage out = new BufferedImage((int) img.getWidth(), (int) img.getHeight(),
                    BufferedImage.TYPE_INT_ARGB);
            PixelReader r = img.getPixelReader();
            for (int y = 0; y < out.getHeight(); y++) {
                for (int x = 0; x < out.getWidth(); x++) {
                    out.setRGB(x, y, r.getArgb(x, y));
                }
            }
            Path file = Path.of("target", "screens", name + ".png");
            Files.createDirectories(file.getParent());
            ImageIO.write(out, "png", file.toFile());
            return file;
        }).get();
    }
}
