package org.parley.client.conversation;

import java.util.function.Consumer;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

/** A small grid of the emoticons under the compose bar's smiley button; choosing one inserts its code. */
final class EmoticonPicker {
    private static final int COLUMNS = 6;

    private EmoticonPicker() {
    }

    static void show(Button anchor, Consumer<String> insert) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("emoticon-grid");
        grid.setHgap(2);
        grid.setVgap(2);
        ContextMenu menu = new ContextMenu();
        Emoticon[] all = Emoticon.values();
        for (int i = 0; i < all.length; i++) {
            Emoticon e = all[i];
            Button b = new Button(null, new EmoticonGlyph(e, 22));
            b.getStyleClass().addAll("flat", "emoticon-button");
            b.setAccessibleText(e.label());
            b.setTooltip(new Tooltip(e.label() + "  " + e.code()));
            b.setOnAction(x -> {
                menu.hide();
                insert.accept(e.code());
            });
            grid.add(b, i % COLUMNS, i / COLUMNS);
        }
        CustomMenuItem item = new CustomMenuItem(grid, false);
        item.getStyleClass().add("emoticon-menu-item");
        menu.getItems().add(item);
        menu.show(anchor, Side.TOP, 0, 0);
        if (!grid.getChildren().isEmpty()) {
            grid.getChildren().get(0).requestFocus();
        }
    }
}
