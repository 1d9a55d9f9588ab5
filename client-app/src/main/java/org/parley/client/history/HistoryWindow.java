package org.parley.client.history;

import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.parley.client.settings.Appearance;
import org.parley.client.shell.Navigator;
import org.parley.client.shell.Session;
import org.parley.core.client.CallOptions;
import org.parley.core.model.Contact;

/**
 * The conversation-history browser of the signed-in account: conversations on the left, messages on the right, a
 * search by participant, date range, text and kind. One window; showing it again refreshes it and brings it to the
 * front. Call on the JavaFX application thread.
 */
public final class HistoryWindow {
    private static final String CSS = "/org/parley/client/history/history.css";

    private final Session session;
    private final Navigator navigator;
    private final Appearance appearance;
    private final Consumer<String> callBack;
    private Stage stage;
    private HistoryViewModel vm;
    private CallLogViewModel calls;
    private HistoryView view;

    public HistoryWindow(Session session, Navigator navigator, Appearance appearance) {
        this(session, navigator, appearance, uri -> session.client().telephony().call(uri, CallOptions.NONE));
    }

    /** @param callBack places a call to an address (the call log's "Call back") */
    public HistoryWindow(Session session, Navigator navigator, Appearance appearance, Consumer<String> callBack) {
        this.callBack = Objects.requireNonNull(callBack, "callBack");
        this.session = Objects.requireNonNull(session, "session");
        this.navigator = Objects.requireNonNull(navigator, "navigator");
        this.appearance = Objects.requireNonNull(appearance, "appearance");
    }

    /** Shows the browser, filtered to one participant (address) when not null, else with every conversation. */
    public void show(String participantOrNull) {
        if (stage == null) {
            ZoneId zone = ZoneId.systemDefault();
            vm = new HistoryViewModel(session.client().history(), session.aor(), this::displayName, zone);
            view = new HistoryView(vm, navigator::openConversation, zone);
            calls = new CallLogViewModel(session.client().history(), this::displayName, callBack, zone);
            calls.participantProperty().bind(vm.participantProperty());
            calls.fromDateProperty().bind(vm.fromDateProperty());
            calls.toDateProperty().bind(vm.toDateProperty());
            for (javafx.beans.Observable o : new javafx.beans.Observable[] {vm.participantProperty(),
                    vm.fromDateProperty(), vm.toDateProperty(), vm.kindProperty()}) {
                o.addListener(x -> refreshCalls());
            }
            view.showCallLog(calls, new CallLogView(calls, zone).root());
            // the core writes a call to the log before its listeners hear that it ended
            session.client().telephony().addCallListener(c -> {
                if (c.state() == org.parley.core.client.TelephonyService.State.ENDED && stage != null && stage.isShowing()) {
                    refreshCalls();
                }
            });
            stage = new Stage();
            stage.setTitle("Conversation history");
            Scene scene = new Scene(view.root(), 960, 600);
            appearance.attach(scene);
            scene.getStylesheets().add(Objects.requireNonNull(HistoryWindow.class.getResource(CSS), CSS).toExternalForm());
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                    view::focusSearch);
            stage.setScene(scene);
            stage.setMinWidth(720);
            stage.setMinHeight(400);
        }
        vm.clearFilters();
        vm.refresh();
        if (participantOrNull != null) {
            vm.select(participantOrNull);
            if (vm.selectedProperty().get() == null) { // no conversation yet: search for it instead
                vm.participantProperty().set(participantOrNull.replaceFirst("^sips?:", ""));
            }
        }
        stage.show();
        stage.toFront();
        view.focusStart();
    }

    /** Shows the browser on the call log ("Calls" kind), every call listed. */
    public void showCalls() {
        show(null);
        vm.kindProperty().set(HistoryViewModel.KindFilter.CALLS);
        calls.refresh();
    }

    private void refreshCalls() {
        if (vm.kindProperty().get() == HistoryViewModel.KindFilter.CALLS) {
            calls.refresh();
        }
    }

    /** The call log's state once shown (tests). */
    public CallLogViewModel callLog() {
        return calls;
    }

    /** The window once shown (for the screenshot tour). */
    public Stage stage() {
        return stage;
    }

    private String displayName(String uri) {
        return session.client().contacts().current().contact(uri).map(Contact::displayName).orElse(null);
    }
}
