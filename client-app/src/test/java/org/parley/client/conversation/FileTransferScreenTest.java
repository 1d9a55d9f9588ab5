package org.parley.client.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.client.settings.Appearance;
import org.parley.client.settings.SettingsStore;
import org.parley.client.shell.Session;
import org.parley.client.testing.Snapshots;
import org.parley.core.client.FileTransferService.Direction;
import org.parley.core.client.FileTransferService.FileTransfer;
import org.parley.core.client.FileTransferService.State;
import org.parley.server.testsupport.TestServerExtension;
import org.parley.ui.Theme;
import org.parley.ui.ThemeSwitcher;
import org.parley.ui.UiExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File transfer between Alice's conversation window and Bob (a plain core client) through a real server-lite. */
@ExtendWith(ApplicationExtension.class)
class FileTransferScreenTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");

    @TempDir
    Path dir;

    private Session alice;
    private Session bob;
    private Conversations conversations;

    @Start
    void start(Stage stage) {
        // The conversation window is its own stage.
    }

    @AfterEach
    void close(FxRobot robot) {
        if (conversations != null) {
            robot.interact(conversations::close);
        }
        if (alice != null) {
            alice.close();
        }
        if (bob != null) {
            bob.close();
        }
    }

    @Test
    void fileTransferWithProgressBothWays(FxRobot robot) throws Exception {
        alice = SignedIn.session(parley.server(), "alice", new UiExecutor());
        bob = SignedIn.session(parley.server(), "bob", Runnable::run);
        BlockingQueue<FileTransfer> bobSees = new LinkedBlockingQueue<>();
        bob.client().files().addListener(bobSees::add);
        Path aliceDownloads = dir.resolve("alice-downloads");
        SettingsStore settings = new SettingsStore(dir.resolve("settings"));
        settings.save(settings.load().withDownloads(aliceDownloads.toString()));
        byte[] report = new byte[1_500_000];
        new Random(7).nextBytes(report);
        Path file = Files.write(dir.resolve("report.bin"), report);
        TransferItem[] sent = new TransferItem[1];
        robot.interact(() -> {
            conversations = new Conversations(alice, new SignedIn.RecordingNavigator(), settings,
                    new Appearance(new ThemeSwitcher(), Theme.LIGHT, 13));
            conversations.open("bob");
            // What dropping the file on the window does.
            ConversationViewModel vm = conversations.ensure("sip:bob@parley.test", true);
            vm.sendFile(file);
            sent[0] = (TransferItem) vm.items().get(vm.items().size() - 1);
        });
        FileTransfer offer = next(bobSees, Direction.INCOMING, State.OFFERED);
        Path bobDir = Files.createDirectories(dir.resolve("bob-downloads"));
        bob.client().files().accept(offer.id(), bobDir);
        FileTransfer done = next(bobSees, Direction.INCOMING, State.COMPLETED);
        assertThat(Files.readAllBytes(done.path())).isEqualTo(report);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".transfer-status").queryLabeled()
                .getText().equals("Sent"));
        assertThat(sent[0].transfer().transferred()).isEqualTo(report.length);
        assertThat(sent[0].progress()).isEqualTo(1.0);
        assertThat(robot.lookup(".transfer-row .progress-bar").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);

        bob.client().files().send("sip:alice@parley.test", done.path());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Accept").tryQuery().isPresent());
        robot.clickOn("Accept");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("Open folder").tryQuery().isPresent());
        try (var saved = Files.list(aliceDownloads)) {
            Path got = saved.findFirst().orElseThrow();
            assertThat(Files.readAllBytes(got)).isEqualTo(report);
        }
        Snapshots.save(robot.lookup(".conversation").query().getScene(), "conversation-file-transfer");
    }

    private static FileTransfer next(BlockingQueue<FileTransfer> q, Direction d, State s) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            FileTransfer t = q.poll(200, TimeUnit.MILLISECONDS);
            if (t != null && t.direction() == d && t.state() == s) {
                return t;
            }
            if (t != null && t.state().isFinal() && t.state() != s) {
                throw new AssertionError("transfer ended " + t.state() + ": " + t.error());
            }
        }
        throw new AssertionError("no " + d + " transfer reached " + s);
    }
}
