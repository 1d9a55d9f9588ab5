package org.parley.client.delegation;

import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.parley.client.members.UserSuggestions;
import org.parley.client.settings.Appearance;
import org.parley.client.shell.Session;
import org.parley.core.model.Contact;

/** The "Delegates" dialog window (from Call forwarding); each opening reads the delegation from the server again. */
public final class DelegatesWindow {
    private final Session session;
    private final Appearance appearance;
    private final Executor fx;
    private final Runnable saved;
    private Stage stage;
    private DelegatesViewModel vm;

    /** @param saved runs after the delegation was stored (the contact list re-reads its Delegates group) */
    public DelegatesWindow(Session session, Appearance appearance, Executor fx, Runnable saved) {
        this.saved = Objects.requireNonNull(saved, "saved");
        this.session = Objects.requireNonNull(session, "session");
        this.appearance = Objects.requireNonNull(appearance, "appearance");
        this.fx = Objects.requireNonNull(fx, "fx");
    }

    public void show() {
        if (stage != null && stage.isShowing()) {
            stage.toFront();
            return;
        }
        if (stage == null) {
            vm = new DelegatesViewModel(session.client().delegation(), session.aor(), this::displayName, fx);
            UserSuggestions users = new UserSuggestions(() -> session.client().contacts().current(),
                    session.client().directory());
            stage = new Stage();
            stage.setTitle("Delegates");
            Scene scene = new Scene(new DelegatesView(vm, users, () -> {
                stage.close();
                saved.run();
            }, stage::close).root());
            appearance.attach(scene);
            stage.setScene(scene);
            stage.setMinWidth(460);
        }
        vm.load();
        stage.sizeToScene();
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    public DelegatesViewModel viewModel() {
        return vm;
    }

    private String displayName(String uri) {
        return session.client().contacts().current().contact(uri).map(Contact::displayName).orElse(null);
    }
}
