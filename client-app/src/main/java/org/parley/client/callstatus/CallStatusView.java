package org.parley.client.callstatus;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window header's call line, bound to a {@link CallStatusViewModel}: the forwarding rule (opens the
 * forwarding dialog), the missed-call count (opens the call log) and the voicemail indicator (opens the voicemail box).
 */
public final class CallStatusView {
    private static final String CSS = "/org/parley/client/callstatus/callstatus.css";

    private final HBox root;

    public CallStatusView(CallStatusViewModel vm, Runnable openForwarding, Runnable openCallLog,
                          Runnable openVoicemail) {
        Objects.requireNonNull(vm, "vm");
        Button forwarding = flat(Feather.PHONE_FORWARDED, "forwardingSummary");
        forwarding.textProperty().bind(vm.forwardingProperty());
        forwarding.setAccessibleText("Call forwarding (opens the dialog)");
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.when(vm.forwardingProblemProperty().isNull())
                .then(vm.forwardingProperty().concat(" (click to change)")).otherwise(vm.forwardingProblemProperty()));
        forwarding.setTooltip(tip);
        forwarding.setOnAction(e -> openForwarding.run());
        forwarding.setMinWidth(0);
        forwarding.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(forwarding, Priority.ALWAYS);

        Button missed = flat(Feather.PHONE_MISSED, "missedCalls");
        missed.textProperty().bind(vm.missedProperty().asString("%d missed"));
        missed.visibleProperty().bind(vm.missedProperty().greaterThan(0));
        missed.managedProperty().bind(missed.visibleProperty());
        missed.getStyleClass().add("callstatus-missed");
        missed.setTooltip(new Tooltip("Missed calls: open the call log"));
        missed.setOnAction(e -> {
            vm.clearMissed();
            openCallLog.run();
        });

        Button voicemail = flat(Feather.VOICEMAIL, "voicemailIndicator");
        voicemail.textProperty().bind(Bindings.createStringBinding(() -> vm.newVoicemailsProperty().get() > 0
                ? Integer.toString(vm.newVoicemailsProperty().get()) : "", vm.newVoicemailsProperty()));
        Tooltip vmTip = new Tooltip();
        vmTip.textProperty().bind(vm.voicemailProperty());
        voicemail.setTooltip(vmTip);
        voicemail.accessibleTextProperty().bind(vm.voicemailProperty());
        vm.newVoicemailsProperty().addListener((obs, old, now) -> waiting(voicemail, now.intValue() > 0));
        waiting(voicemail, vm.newVoicemailsProperty().get() > 0);
        voicemail.setOnAction(e -> openVoicemail.run());

        root = new HBox(4, forwarding, missed, voicemail);
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().add("callstatus");
        root.setId("callStatus");
        root.getStylesheets().add(Objects.requireNonNull(CallStatusView.class.getResource(CSS), CSS).toExternalForm());
    }

    public Parent root() {
        return root;
    }

    /** The gear menu's entries: call forwarding, voicemail, call log. */
    public static List<MenuItem> menuItems(Runnable forwarding, Runnable voicemail, Runnable callLog) {
        return List.of(item("Call _forwarding…", Feather.PHONE_FORWARDED, forwarding, "callForwardingItem"),
                item("_Voicemail", Feather.VOICEMAIL, voicemail, "voicemailItem"),
                item("Call _log", Feather.PHONE, callLog, "callLogItem"));
    }

    private static MenuItem item(String text, Feather icon, Runnable action, String id) {
        MenuItem m = new MenuItem(text, new FontIcon(icon));
        m.setId(id);
        m.setOnAction(e -> action.run());
        return m;
    }

    private static void waiting(Button b, boolean on) {
        b.getStyleClass().remove("callstatus-waiting");
        if (on) {
            b.getStyleClass().add("callstatus-waiting");
        }
    }

    private static Button flat(Feather icon, String id) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "callstatus-item");
        b.setMnemonicParsing(false);
        return b;
    }
}
