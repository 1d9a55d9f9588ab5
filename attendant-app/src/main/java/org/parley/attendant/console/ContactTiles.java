package org.parley.attendant.console;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import org.parley.attendant.contacts.ContactRow;

/**
 * The contacts as tiles. Built when first shown and kept in step with the rows (a tile per row, reused; new rows get
 * a tile, removed ones lose theirs), never rebuilt as a whole. While hidden the tiles do not follow presence: on
 * showing again each tile reads its row's state once.
 */
final class ContactTiles {
    private final ObservableList<ContactRow> rows;
    private final Consumer<String> pick;
    private final FlowPane pane = new FlowPane(8, 8);
    private final ScrollPane scroll = new ScrollPane(pane);
    private final Map<ContactRow, Tile> tiles = new IdentityHashMap<>();
    private boolean active;

    ContactTiles(ObservableList<ContactRow> rows, Consumer<String> pick) {
        this.rows = rows;
        this.pick = pick;
        pane.setId("contactTiles");
        scroll.setFitToWidth(true);
        rows.addListener((ListChangeListener<ContactRow>) c -> {
            if (active) {
                sync();
            }
        });
    }

    ScrollPane view() {
        return scroll;
    }

    /** Shown (tiles follow presence) or hidden (they do not). */
    void setActive(boolean on) {
        if (on == active) {
            return;
        }
        active = on;
        if (on) {
            sync();
        }
        tiles.values().forEach(t -> t.follow(on));
    }

    /** Puts one tile per row in row order, reusing the tiles that exist. */
    private void sync() {
        Map<ContactRow, Tile> keep = new HashMap<>();
        for (ContactRow r : rows) {
            Tile t = tiles.remove(r);
            keep.put(r, t != null ? t : new Tile(r));
        }
        tiles.values().forEach(t -> t.follow(false));
        tiles.clear();
        tiles.putAll(keep);
        tiles.values().forEach(t -> t.follow(true));
        pane.getChildren().setAll(rows.stream().map(r -> (javafx.scene.Node) tiles.get(r).button).toList());
    }

    private final class Tile {
        private final ContactRow row;
        private final Button button = new Button();
        private final Label dot = PresenceDots.dot();
        private final InvalidationListener changed = o -> show();
        private boolean following;

        Tile(ContactRow row) {
            this.row = row;
            button.getStyleClass().add("contact-tile");
            button.setUserData(row); // a conference drag source (ConferenceDrag)
            button.setGraphic(dot);
            button.setOnAction(e -> pick.accept(row.uri()));
        }

        void follow(boolean on) {
            if (on && !following) {
                row.presenceProperty().addListener(changed);
                show();
            } else if (!on && following) {
                row.presenceProperty().removeListener(changed);
            }
            following = on;
        }

        private void show() {
            button.setText(row.name() + "\n" + row.state().label());
            PresenceDots.style(dot, row.state().availability());
        }
    }
}
