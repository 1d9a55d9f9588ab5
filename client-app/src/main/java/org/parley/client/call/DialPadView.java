package org.parley.client.call;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The dial pad's controls: the number or user field (typing works as well as the keys), subject and high priority,
 * the twelve keys, backspace, and Call (the default button: Enter calls).
 */
public final class DialPadView {
    private static final String KEYS = "123456789*0#";
    private final VBox root = new VBox(10);
    private final TextField target = new TextField();

    /** {@code onPlaced} runs after a call was placed (the window closes). */
    public DialPadView(DialPadViewModel vm, Runnable onPlaced) {
        root.getStyleClass().add("dial-pad");
        target.setId("dialTarget");
        target.setPromptText("Number or user");
        target.setAccessibleText("Number or user to call");
        target.textProperty().bindBidirectional(vm.targetProperty());
        Button back = new Button(null, new FontIcon(Feather.DELETE));
        back.setId("dialBackspace");
        back.getStyleClass().addAll("flat", "button-icon");
        back.setAccessibleText("Delete the last digit");
        back.setFocusTraversable(false);
        back.setOnAction(e -> vm.backspace());
        HBox.setHgrow(target, Priority.ALWAYS);
        HBox line = new HBox(4, target, back);
        line.setAlignment(Pos.CENTER_LEFT);
        GridPane keys = new GridPane();
        keys.getStyleClass().add("dial-keys");
        keys.setHgap(8);
        keys.setVgap(8);
        keys.setAlignment(Pos.CENTER);
        for (int i = 0; i < KEYS.length(); i++) {
            char k = KEYS.charAt(i);
            Button b = new Button(String.valueOf(k));
            b.setId("dial-" + (k == '*' ? "star" : k == '#' ? "hash" : String.valueOf(k)));
            b.getStyleClass().add("dial-key");
            b.setAccessibleText("Digit " + k);
            b.setOnAction(e -> {
                vm.press(k);
                target.positionCaret(target.getLength());
            });
            keys.add(b, i % 3, i / 3);
        }
        TextField subject = new TextField();
        subject.setId("dialSubject");
        subject.setPromptText("Subject (optional)");
        subject.setAccessibleText("Subject of the call");
        subject.textProperty().bindBidirectional(vm.subjectProperty());
        CheckBox urgent = new CheckBox("_High priority");
        urgent.setId("dialHighPriority");
        urgent.selectedProperty().bindBidirectional(vm.highPriorityProperty());
        Button call = new Button("_Call", new FontIcon(Feather.PHONE_CALL));
        call.setId("dialCall");
        call.setDefaultButton(true);
        call.getStyleClass().add("success");
        call.setMaxWidth(Double.MAX_VALUE);
        call.disableProperty().bind(vm.canCallProperty().not());
        call.setOnAction(e -> {
            if (vm.call()) {
                onPlaced.run();
            }
        });
        Label error = new Label();
        error.setId("dialError");
        error.getStyleClass().add("call-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        root.getChildren().addAll(line, keys, subject, urgent, call, error);
    }

    public Node root() {
        return root;
    }

    public void focus() {
        target.requestFocus();
    }
}
