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
        root.getChildren().addAll(line, keys, subject, urgent, onBehalf(vm), call, error);
    }

    /** "On behalf of" (myself or one of my managers) and "Show the manager as caller"; shown to delegates only. */
    private static Node onBehalf(DialPadViewModel vm) {
        javafx.scene.control.ComboBox<String> manager = new javafx.scene.control.ComboBox<>();
        manager.setId("dialOnBehalfOf");
        manager.setAccessibleText("Place the call on behalf of");
        manager.setMaxWidth(Double.MAX_VALUE);
        Runnable items = () -> {
            java.util.List<String> all = new java.util.ArrayList<>();
            all.add(MYSELF);
            all.addAll(vm.managers());
            manager.getItems().setAll(all);
            manager.setValue(vm.onBehalfOfProperty().get() == null ? MYSELF : vm.onBehalfOfProperty().get());
        };
        items.run();
        vm.managers().addListener((javafx.collections.ListChangeListener<String>) c -> items.run());
        manager.valueProperty().addListener((o, a, now) ->
                vm.onBehalfOfProperty().set(now == null || MYSELF.equals(now) ? null : now));
        CheckBox asManager = new CheckBox("Show the _manager as caller");
        asManager.setId("dialAsManager");
        asManager.selectedProperty().bindBidirectional(vm.asManagerProperty());
        asManager.disableProperty().bind(vm.onBehalfOfProperty().isNull());
        Label label = new Label("On behalf of");
        label.setLabelFor(manager);
        VBox box = new VBox(4, label, manager, asManager);
        box.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.managers()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static final String MYSELF = "Myself";

    public Node root() {
        return root;
    }

    public void focus() {
        target.requestFocus();
    }
}
