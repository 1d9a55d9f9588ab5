package org.parley.ui;

import atlantafx.base.theme.Styles;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/**
 * Small helpers for the forms and dialogs of both apps: mnemonic labels, where the cursor goes, the error line and the
 * Save/Cancel buttons of a settings dialog.
 */
public final class Forms {
    private Forms() {
    }

    /** A label whose mnemonic ({@code _x} in {@code text}) moves the focus to {@code field}. */
    public static Label labelFor(String text, Node field) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(field);
        return l;
    }

    /**
     * Focuses the first empty text field under {@code root} (password fields included), skipping those whose id is in
     * {@code skipIds} (fields with a usual default), or {@code fallback} when every field is filled in.
     */
    public static void focusFirstEmpty(Parent root, Set<String> skipIds, Node fallback) {
        root.lookupAll(".text-field").stream()
                .filter(n -> n instanceof TextField t && t.getText().isEmpty() && !skipIds.contains(t.getId()))
                .findFirst().ifPresentOrElse(Node::requestFocus, fallback::requestFocus);
    }

    /** A wrapping error line that shows {@code error} and takes no room while it is null or empty. */
    public static Label errorLine(String id, ObservableStringValue error) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(Styles.DANGER);
        l.setWrapText(true);
        l.textProperty().bind(error);
        l.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> error.get() != null && !error.get().isEmpty(), error));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /**
     * A dialog's button bar: {@code saveText} (the default button, disabled while {@code busy}) runs {@code save},
     * and {@code saved} when that completes with true; Cancel (or Escape) runs {@code close}.
     */
    public static ButtonBar saveCancel(String saveText, String saveId, ObservableBooleanValue busy,
                                       Supplier<? extends CompletionStage<Boolean>> save, Runnable saved,
                                       Runnable close) {
        Button ok = new Button(saveText);
        ok.setId(saveId);
        ok.setDefaultButton(true);
        ok.disableProperty().bind(busy);
        ok.setOnAction(e -> save.get().thenAccept(done -> {
            if (done) {
                saved.run();
            }
        }));
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        ButtonBar.setButtonData(ok, ButtonBar.ButtonData.OK_DONE);
        ButtonBar.setButtonData(cancel, ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonBar buttons = new ButtonBar();
        buttons.getButtons().addAll(ok, cancel);
        return buttons;
    }
}
