package org.parley.client.options;

import java.util.Objects;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.parley.client.settings.Appearance;
import org.parley.client.settings.SettingsStore;
import org.parley.client.shell.Session;

/**
 * The Options dialog (idle and away times, sounds, start-up, theme, font size, downloads folder). One window: showing
 * it again brings it to the front; each opening starts from what is saved. Call on the JavaFX application thread.
 */
public final class OptionsWindow {
    private final SettingsStore settings;
    private final Appearance appearance;
    private final Session session;
    private Stage stage;
    private OptionsViewModel vm;

    /** @param sessionOrNull the signed-in session, or null before sign-in (it changes what the idle note says) */
    public OptionsWindow(SettingsStore settings, Appearance appearance, Session sessionOrNull) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.appearance = Objects.requireNonNull(appearance, "appearance");
        this.session = sessionOrNull;
    }

    public void show() {
        if (stage != null && stage.isShowing()) {
            stage.toFront();
            stage.requestFocus();
            return;
        }
        if (stage == null) {
            vm = new OptionsViewModel(settings, appearance, session != null,
                    new DevicesViewModel(session == null ? null : session.client().telephony()));
            stage = new Stage();
            stage.setTitle("Options");
            OptionsView view = new OptionsView(vm, stage::close);
            Scene scene = new Scene(view.root());
            appearance.attach(scene);
            stage.setScene(scene);
            stage.setMinWidth(460);
            stage.setOnCloseRequest(e -> vm.cancel()); // the title bar's close is Cancel
        } else {
            vm.reload();
        }
        stage.sizeToScene();
        stage.show();
    }

    /** The dialog's window once shown (for the app's window list and the screenshot tour). */
    public Stage stage() {
        return stage;
    }
}
