package org.parley.client.voicemail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.parley.client.settings.Appearance;
import org.parley.client.shell.Session;
import org.parley.core.model.Contact;

/**
 * The voicemail box of the signed-in user. One window: showing it again refreshes it and brings it to the front.
 * Messages are downloaded into {@code voicemail/} of the account's data directory and played by {@code player}
 * (the app opens them with the desktop's default audio application). Call on the JavaFX application thread.
 */
public final class VoicemailWindow {
    private final Session session;
    private final Appearance appearance;
    private final Consumer<Path> player;
    private final Consumer<String> callBack;
    private Stage stage;
    private VoicemailViewModel vm;

    public VoicemailWindow(Session session, Appearance appearance, Consumer<Path> player, Consumer<String> callBack) {
        this.session = Objects.requireNonNull(session, "session");
        this.appearance = Objects.requireNonNull(appearance, "appearance");
        this.player = Objects.requireNonNull(player, "player");
        this.callBack = Objects.requireNonNull(callBack, "callBack");
    }

    public void show() {
        if (stage == null) {
            vm = new VoicemailViewModel(() -> session.client().voicemail(), this::displayName, downloads(), player,
                    callBack);
            VoicemailView view = new VoicemailView(vm, ZoneId.systemDefault());
            stage = new Stage();
            stage.setTitle("Voicemail");
            Scene scene = new Scene(view.root(), 880, 440);
            appearance.attach(scene);
            stage.setScene(scene);
            stage.setMinWidth(760);
            stage.setMinHeight(300);
        }
        vm.refresh();
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    private Path downloads() {
        Path dir = session.dataDir().resolve("voicemail");
        try {
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            return Path.of(System.getProperty("java.io.tmpdir"));
        }
    }

    private String displayName(String uri) {
        return session.client().contacts().current().contact(uri).map(Contact::displayName).orElse(null);
    }
}
