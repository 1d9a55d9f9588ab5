package org.parley.client.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parley.client.settings.Appearance;
import org.parley.client.shell.Session;
import org.parley.client.testing.FakeClient;
import org.parley.core.client.ClientConfig;
import org.parley.core.client.VoicemailService.Voicemail;
import org.parley.ui.Theme;
import org.parley.ui.ThemeSwitcher;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The voicemail window with a recording fake box: Play hands the downloaded file to the player; no box, no actions. */
@ExtendWith(ApplicationExtension.class)
class VoicemailScreenTest {
    @TempDir
    Path data;
    private final FakeClient client = new FakeClient();
    private final List<Path> played = new CopyOnWriteArrayList<>();
    private VoicemailWindow window;

    @Start
    void start(Stage stage) {
        // the window is its own stage
    }

    @AfterEach
    void close(FxRobot robot) {
        if (window != null && window.stage() != null) {
            robot.interact(window.stage()::close);
        }
    }

    private void open(FxRobot robot) {
        Session session = new Session(client, ClientConfig.of("127.0.0.1", 5061, ClientConfig.Transport.TCP, "alice",
                "parley.test", data));
        robot.interact(() -> {
            window = new VoicemailWindow(session, new Appearance(new ThemeSwitcher(), Theme.LIGHT, 13), played::add,
                    uri -> { });
            window.show();
        });
    }

    @Test
    void playingTheChosenMessageDownloadsItIntoTheAccountAndPlaysIt(FxRobot robot) throws Exception {
        client.answers.put("VoicemailService.list", args -> CompletableFuture.completedFuture(List.of(
                new Voicemail("m1", "sip:bob@parley.test", "Bob Builder", Instant.now(), Duration.ofSeconds(12),
                        false, "no-answer"))));
        client.answers.put("VoicemailService.fetch", args -> {
            try {
                Files.writeString((Path) args[1], "RIFF");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return CompletableFuture.completedFuture((Path) args[1]);
        });
        open(robot);
        ListView<?> list = robot.lookup("#voicemailList").queryAs(ListView.class);
        assertThat(list.getItems()).hasSize(1);
        assertThat(robot.lookup("#playVoicemail").queryButton().isDisabled()).as("nothing chosen yet").isTrue();

        robot.clickOn("Bob Builder");
        robot.clickOn("#playVoicemail");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !played.isEmpty());

        assertThat(played).containsExactly(data.resolve("voicemail").resolve("voicemail-m1.wav"));
        assertThat(client.calls).contains("markHeard m1");
    }

    @Test
    void withoutAVoicemailBoxTheWindowSaysSoAndOffersNoActions(FxRobot robot) {
        client.voicemailFailure = new UnsupportedOperationException("voicemail is not built yet");
        open(robot);

        Label error = robot.lookup("#voicemailError").queryAs(Label.class);
        assertThat(error.getText()).isEqualTo("Voicemail unavailable: voicemail is not built yet");
        Button greeting = robot.lookup("#setGreeting").queryButton();
        assertThat(greeting.isDisabled()).isTrue();
    }
}
