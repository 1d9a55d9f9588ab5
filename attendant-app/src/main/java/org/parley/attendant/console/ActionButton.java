package org.parley.attendant.console;

import javafx.scene.control.Button;

/** The console's big action buttons (style class {@code action}). */
final class ActionButton {
    private ActionButton() {
    }

    static Button of(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("action");
        b.setOnAction(e -> action.run());
        return b;
    }
}
