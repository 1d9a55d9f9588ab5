package org.parley.attendant.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
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
import org.parley.attendant.AttendantOptions;
import org.parley.attendant.notes.CallNotes;
import org.parley.attendant.queue.QueueItem;
import org.parley.core.client.CallOptions;
import org.parley.core.client.ClientConfig;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.client.sip.ClientTuning;
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
    private static final ClientTuning FAST = ClientTuning.defaults().withRequestTimeout(Duration.ofSeconds(3))
            .withKeepAlive(Duration.ofSeconds(1)).withBackoff(Duration.ofMillis(250), Duration.ofSeconds(2))
            .withExpires(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60));

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("frontdesk", "alice", "bob", "carol", "dave", "erin");
    @TempDir
    Path data;
    @TempDir
    Path others;
    private final List<SipUcClient> open = new ArrayList<>();
    private final ExecutorService events = Executors.newSingleThreadExecutor();
    private final List<Call> seen = new CopyOnWriteArrayList<>();
    private AttendantApp app;

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.setupFixture(app::stop);
        }
        open.parallelStream().forEach(SipUcClient::close);
        events.shutdownNow();
        FxToolkit.cleanupStages();
    }

    private SipUcClient party(String user) throws Exception {
        ClientConfig cfg = ClientConfig.of("127.0.0.1", parley.server().sipPort(), Transport.TCP, user,
                TestServer.DOMAIN, Files.createDirectories(others.resolve(user)));
        SipUcClient c = SipUcClient.create(cfg, events, FAST, Clock.systemUTC());
        open.add(c);
        c.signIn(TestServer.password(user).toCharArray()).get(10, TimeUnit.SECONDS);
        c.telephony().addCallListener(seen::add);
        return c;
    }

    private Call await(Predicate<Call> p) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> seen.stream().anyMatch(p));
        return seen.stream().filter(p).reduce((a, b) -> b).orElseThrow();
    }

    private State latest(String callId) {
        return seen.stream().filter(c -> c.id().equals(callId)).reduce((a, b) -> b).orElseThrow().state();
    }

    private AttendantApp.Console console() {
        return app.console().orElseThrow();
    }

    /** The queue card of the call from {@code user}, as the console shows it. */
    private String cardOf(FxRobot robot, String user) throws Exception {
        String peer = "sip:" + user + "@" + TestServer.DOMAIN;
        return WaitForAsyncUtils.asyncFx(() -> "#call-" + console().queue().items().stream()
                .filter(i -> peer.equalsIgnoreCase(i.call().peer())).findFirst().orElseThrow().id()).get();
    }

    @Test
    void threeCallersQueueClickingSwitchesTheActiveCallAndBlindAndConsultTransfersComplete(FxRobot robot) throws Exception {
        SipUcClient alice = party("alice");
        SipUcClient bob = party("bob");
        SipUcClient carol = party("carol");
        for (String user : List.of("dave", "erin")) { // they answer every call
            SipUcClient c = party(user);
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
                    cfg -> SipUcClient.create(cfg, new UiExecutor(), FAST, Clock.systemUTC()));
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
        await(c -> c.id().equals(fromAlice.id()) && c.state() == State.RINGING);
        Call fromBob = bob.telephony().call("frontdesk", CallOptions.NONE);
        await(c -> c.id().equals(fromBob.id()) && c.state() == State.RINGING);
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
        await(c -> c.id().equals(fromAlice.id()) && c.state() == State.CONNECTED);
        robot.clickOn(cardOf(robot, "bob"));
        await(c -> c.id().equals(fromBob.id()) && c.state() == State.CONNECTED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> latest(fromAlice.id()) == State.REMOTE_HELD);
        save(stage, "attendant-queue");

        // Enter on Carol (selected, focus in the queue) answers her and holds Bob; exactly one call is active.
        String carolCard = cardOf(robot, "carol");
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ListView<QueueItem> queue = robot.lookup("#queue").queryAs(ListView.class);
            String id = carolCard.substring("#call-".length());
            queue.getSelectionModel().select(console().queue().item(id).orElseThrow());
            queue.requestFocus();
        });
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        await(c -> c.id().equals(fromCarol.id()) && c.state() == State.CONNECTED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> latest(fromBob.id()) == State.REMOTE_HELD
                && latest(fromAlice.id()) == State.REMOTE_HELD);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> console().queue().items().stream()
                .filter(i -> i.state() == State.CONNECTED).count() == 1
                && console().queue().active().map(i -> i.call().peer()).orElse("").equals("sip:carol@parley.test"));

        // With a 2 s limit, the held calls turn long-hold (the card's :long-hold pseudo-class, flashing).
        String bobCard = cardOf(robot, "bob");
        WaitForAsyncUtils.asyncFx(() -> {
            console().queue().soundsProperty().set(false);
            console().queue().holdLimitProperty().set(Duration.ofSeconds(2));
        }).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(bobCard).query().getPseudoClassStates()
                .contains(QueueCard.LONG_HOLD));
        save(stage, "attendant-long-hold");
        WaitForAsyncUtils.asyncFx(() -> console().queue().holdLimitProperty().set(Duration.ofSeconds(60))).get();

        // Notes for Alice's call.
        robot.clickOn(cardOf(robot, "alice")); // resumes Alice, holds Carol
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> latest(fromAlice.id()) == State.CONNECTED
                && latest(fromCarol.id()) == State.REMOTE_HELD);
        String aliceCall = cardOf(robot, "alice").substring("#call-".length());
        robot.clickOn("#notes").write("Call back about the invoice");
        robot.clickOn("#saveNotes");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> console().notes().history().size() == 1);

        // Blind transfer of Carol to Dave: select Carol (Carol is held), type the target, Transfer.
        robot.clickOn(cardOf(robot, "carol")); // Carol active again, Alice held
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> latest(fromCarol.id()) == State.CONNECTED);
        robot.clickOn("#target").write("dave");
        robot.clickOn("#transferButton");
        Call carolToDave = await(c -> !c.id().equals(fromCarol.id()) && "sip:dave@parley.test".equals(c.peer())
                && c.state() == State.CONNECTED);
        assertThat(carolToDave.referredBy()).contains("frontdesk");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> console().queue().items().stream()
                .noneMatch(i -> i.call().peer().equals("sip:carol@parley.test")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "Transferred to dave".equals(console().queue().statusProperty().get()));

        // Consult: Alice (held) is picked up, Erin is called first, then Complete joins Alice and Erin.
        robot.clickOn(cardOf(robot, "alice"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> latest(fromAlice.id()) == State.CONNECTED);
        robot.interact(() -> robot.lookup("#target").queryAs(TextField.class).clear());
        robot.clickOn("#target").write("erin");
        robot.clickOn("#consultButton");
        await(c -> "sip:frontdesk@parley.test".equals(c.peer()) && c.state() == State.CONNECTED
                && c.direction() == Direction.INCOMING);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> latest(fromAlice.id()) == State.REMOTE_HELD);
        robot.clickOn("#completeButton");
        await(c -> !c.id().equals(fromAlice.id()) && "sip:erin@parley.test".equals(c.peer())
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
