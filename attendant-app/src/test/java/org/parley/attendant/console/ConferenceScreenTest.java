package org.parley.attendant.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.MouseButton;
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
import org.parley.core.client.ConferencingService.Member;
import org.parley.core.client.ConferencingService.Status;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.State;
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
 * The console signed in as "frontdesk" on a real server with the conference focus: Carl and Bob call, both are
 * answered; dragging Bob's queue card onto Carl's starts a conference; the queue then shows one conference item
 * whose roster lists both callers (and the attendant), and the callers are talking to the room.
 */
@ExtendWith(ApplicationExtension.class)
class ConferenceScreenTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("frontdesk", "carl", "bob", "dave", "erin");
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

    private QueueCard cardOf(FxRobot robot, String user) throws Exception {
        return QueueCards.ofCallFrom(robot, console(), user);
    }

    private List<QueueItem> items() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> List.copyOf(console().queue().items())).get();
    }

    private Stage openConsole() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        AttendantOptions options = new AttendantOptions(data, "127.0.0.1", parley.server().sipPort(), "TCP",
                "frontdesk@" + TestServer.DOMAIN, TestServer.password("frontdesk").toCharArray());
        FxToolkit.setupFixture(() -> {
            app = new AttendantApp(BuildInfo.load(), new ThemeSwitcher(), options,
                    cfg -> SipUcClient.create(cfg, new UiExecutor(), Parties.FAST, Clock.systemUTC()));
            app.show(stage);
        });
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> app.console().isPresent());
        return stage;
    }

    /** The queue holds exactly one conference whose connected members include these users. */
    private boolean oneConferenceWith(String... users) throws Exception {
        List<QueueItem> now = items();
        return now.size() == 1 && now.get(0).conference() != null && now.get(0).conference().roster().stream()
                .filter(m -> m.status() == Status.CONNECTED).map(Member::aor).toList()
                .containsAll(java.util.Arrays.stream(users).map(u -> "sip:" + u + "@parley.test").toList());
    }

    @Test
    void twoCallsDraggedOntoOneAnotherBecomeOneConferenceItemListingBothCallers(FxRobot robot) throws Exception {
        SipUcClient carl = parties.signIn("carl");
        SipUcClient bob = parties.signIn("bob");
        Stage stage = openConsole();

        Call fromCarl = carl.telephony().call("frontdesk", CallOptions.NONE);
        parties.await(c -> c.id().equals(fromCarl.id()) && c.state() == State.RINGING);
        Call fromBob = bob.telephony().call("frontdesk", CallOptions.NONE);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> console().queue().items().size() == 2);
        robot.clickOn(cardOf(robot, "carl"));
        parties.await(c -> c.id().equals(fromCarl.id()) && c.state() == State.CONNECTED);
        robot.clickOn(cardOf(robot, "bob"));
        parties.await(c -> c.id().equals(fromBob.id()) && c.state() == State.CONNECTED);
        parties.await(c -> c.id().equals(fromCarl.id()) && c.state() == State.REMOTE_HELD);

        robot.drag(cardOf(robot, "bob"), MouseButton.PRIMARY).dropTo(cardOf(robot, "carl"));

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> oneConferenceWith("carl", "bob", "frontdesk"));
        QueueItem conference = items().get(0);
        assertThat(conference.call().peer()).startsWith("sip:conf-");
        assertThat(conference.name()).isEqualTo("Conference · 3 people");
        assertThat(parties.await(c -> c.peer().startsWith("sip:conf-") && c.state() == State.CONNECTED
                && c.referredBy() != null).referredBy()).isEqualTo("sip:frontdesk@parley.test");
        String roster = WaitForAsyncUtils.asyncFx(() -> QueueCards.of(robot, conference.id()).rosterShown()).get();
        assertThat(roster).contains("Carl").contains("Bob");
        assertThat(WaitForAsyncUtils.asyncFx(() -> console().conference().statusProperty().get()).get())
                .startsWith("Conference with");
        save(stage);
    }

    @Test
    void aClickOnATemplateStartsAConferenceWithItsContacts(FxRobot robot) throws Exception {
        for (String user : List.of("dave", "erin")) { // they answer every call
            SipUcClient c = parties.signIn(user);
            c.telephony().addCallListener(call -> {
                if (call.state() == State.INCOMING) {
                    c.telephony().answer(call.id());
                }
            });
        }
        openConsole();
        WaitForAsyncUtils.asyncFx(() -> {
            console().conference().pick("contact:sip:dave@parley.test");
            console().conference().pick("contact:sip:erin@parley.test");
            console().conference().saveTemplate("Board");
            console().conference().picked().clear();
        }).get();

        // The list lays out (and may re-create) its cells on later pulses: click the template's cell once it is there.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            java.util.Optional<javafx.scene.Node> cell = robot.lookup("#templates .list-cell")
                    .match((javafx.scene.control.ListCell<?> c) -> c.getItem() != null).tryQuery();
            cell.ifPresent(robot::clickOn);
            return cell.isPresent();
        });

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> oneConferenceWith("dave", "erin", "frontdesk"));
        assertThat(items().get(0).name()).isEqualTo("Conference · 3 people");
    }

    /** Writes the window to target/screens/attendant-conference.png (to look at; not compared). */
    private static void save(Stage stage) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.image.WritableImage img = stage.getScene().snapshot(null);
            java.awt.image.BufferedImage out = new java.awt.image.BufferedImage((int) img.getWidth(),
                    (int) img.getHeight(), java.awt.image.BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < out.getHeight(); y++) {
                for (int x = 0; x < out.getWidth(); x++) {
                    out.setRGB(x, y, img.getPixelReader().getArgb(x, y));
                }
            }
            Path file = Path.of("target", "screens", "attendant-conference.png");
            Files.createDirectories(file.getParent());
            javax.imageio.ImageIO.write(out, "png", file.toFile());
            return file;
        }).get();
    }
}
