package org.parley.client.forwarding;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.parley.client.settings.Appearance;
import org.parley.client.shell.Session;
import org.parley.client.members.UserSuggestions;
import org.parley.core.client.CallForwarding;
import org.parley.core.model.Contact;

/**
 * The "Call forwarding" dialog of the signed-in user. One window: showing it again brings it to the front; each
 * opening reads the rule from the server again. Call on the JavaFX application thread.
 */
public final class ForwardingWindow {
    private final Session session;
    private final Appearance appearance;
    private final Consumer<CallForwarding> saved;
    private final Runnable delegates;
    private Stage stage;
    private ForwardingViewModel vm;

    /** @param saved told each rule stored on the server (the main window's header line) */
    public ForwardingWindow(Session session, Appearance appearance, Consumer<CallForwarding> saved) {
        this(session, appearance, saved, null);
    }

    /** @param delegates opens the "Delegates" dialog (a "Delegates…" button), or null for none */
    public ForwardingWindow(Session session, Appearance appearance, Consumer<CallForwarding> saved,
                            Runnable delegates) {
        this.delegates = delegates;
        this.session = Objects.requireNonNull(session, "session");
        this.appearance = Objects.requireNonNull(appearance, "appearance");
        this.saved = Objects.requireNonNull(saved, "saved");
    }

    public void show() {
        if (stage != null && stage.isShowing()) {
            stage.toFront();
            return;
        }
        if (stage == null) {
            vm = new ForwardingViewModel(session.client().telephony(), session.aor(), this::displayName, saved);
            UserSuggestions users = new UserSuggestions(() -> session.client().contacts().current(),
                    session.client().directory());
            stage = new Stage();
            stage.setTitle("Call forwarding");
            ForwardingView view = new ForwardingView(vm, users, stage::close);
            if (delegates != null) {
                view.offerDelegates(delegates);
            }
            Scene scene = new Scene(view.root());
            appearance.attach(scene);
            stage.setScene(scene);
            stage.setMinWidth(520);
        }
        vm.load();
        stage.sizeToScene();
        stage.show();
    }

    /** The dialog's window once shown (tests, screenshots). */
    public Stage stage() {
        return stage;
    }

    public ForwardingViewModel viewModel() {
        return vm;
    }

    private String displayName(String uri) {
        return session.client().contacts().current().contact(uri).map(Contact::displayName).orElse(null);
    }
}
