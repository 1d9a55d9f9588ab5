package org.parley.client.search;

import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The search box above the contact list: Esc clears, Down moves into the list, Enter opens the first match. */
public final class SearchView {
    private final TextField field = new TextField();
    private final StackPane root;

    /** {@code intoList} moves focus to the list; {@code openFirst} opens the first match. */
    public SearchView(SearchViewModel vm, Runnable intoList, Runnable openFirst) {
        Objects.requireNonNull(vm, "vm");
        field.setId("searchField");
        field.setPromptText("Find someone");
        field.setAccessibleText("Search contacts and directory");
        field.textProperty().bindBidirectional(vm.queryProperty());
        field.getStyleClass().add("search-field");
        field.addEventFilter(KeyEvent.KEY_PRESSED, k -> {
            if (k.getCode() == KeyCode.ESCAPE && !field.getText().isEmpty()) {
                vm.clear();
                k.consume();
            } else if (k.getCode() == KeyCode.DOWN) {
                intoList.run();
                k.consume();
            } else if (k.getCode() == KeyCode.ENTER && !field.getText().isBlank()) {
                openFirst.run();
                k.consume();
            }
        });
        FontIcon glass = new FontIcon(Feather.SEARCH);
        glass.getStyleClass().add("search-icon");
        glass.setMouseTransparent(true);
        Button clear = new Button(null, new FontIcon(Feather.X));
        clear.setId("searchClear");
        clear.getStyleClass().addAll("flat", "button-icon", "search-clear");
        clear.setAccessibleText("Clear the search");
        clear.setFocusTraversable(false);
        clear.setOnAction(e -> {
            vm.clear();
            field.requestFocus();
        });
        clear.visibleProperty().bind(field.textProperty().isNotEmpty());
        root = new StackPane(field, glass, clear);
        StackPane.setAlignment(glass, Pos.CENTER_LEFT);
        StackPane.setMargin(glass, new javafx.geometry.Insets(0, 0, 0, 10));
        StackPane.setAlignment(clear, Pos.CENTER_RIGHT);
        StackPane.setMargin(clear, new javafx.geometry.Insets(0, 2, 0, 0));
        root.getStyleClass().add("search-box");
    }

    public Parent root() {
        return root;
    }

    public void focus() {
        field.requestFocus();
        field.selectAll();
    }
}
