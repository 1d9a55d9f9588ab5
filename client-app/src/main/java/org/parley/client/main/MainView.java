package org.parley.client.main;

import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.client.widgets.Avatar;
import org.parley.client.widgets.PresenceDot;

/**
 * The main window's controls: my avatar, name, presence selector, note and location on top, the connection banner,
 * the search box, the contact list, and a status line for failed actions. Builds and binds; no logic.
 */
public final class MainView {
    private final VBox root;

    /**
     * @param menu      the gear menu (built by the window, which owns the actions)
     * @param tools     the buttons beside the search box (view and add menus)
     * @param search    the search box
     * @param list      the contact list
     * @param listStatus the contact list's last failure, "" when none
     */
    public MainView(MainViewModel vm, MenuButton menu, Node tools, Node search, Node list,
                    javafx.beans.property.StringProperty listStatus) {
        Objects.requireNonNull(vm, "vm");
        Avatar avatar = new Avatar(48);
        avatar.setId("ownAvatar");
        avatar.setName(vm.displayNameProperty().get());
        avatar.setAvailability(vm.availabilityProperty().get());
        vm.displayNameProperty().addListener((obs, old, now) -> avatar.setName(now));
        vm.availabilityProperty().addListener((obs, old, now) -> avatar.setAvailability(now));
        Label name = new Label();
        name.setId("ownName");
        name.getStyleClass().add("own-name");
        name.textProperty().bind(vm.displayNameProperty());
        name.setMinWidth(0);

        ComboBox<StateChoice> presence = new ComboBox<>(vm.choices());
        presence.setId("presenceSelector");
        presence.getStyleClass().add("presence-selector");
        presence.setAccessibleText("My presence");
        presence.valueProperty().bindBidirectional(vm.stateProperty());
        presence.setCellFactory(v -> new ChoiceCell());
        presence.setButtonCell(new ChoiceCell());
        presence.setOnShowing(e -> vm.refreshChoices());
        presence.setMaxWidth(Double.MAX_VALUE);
        VBox who = new VBox(4, name, presence);
        who.setMinWidth(0);
        HBox.setHgrow(who, Priority.ALWAYS);
        menu.setId("mainMenu");
        menu.getStyleClass().addAll("flat", "button-icon", "main-menu");
        menu.setGraphic(new FontIcon(Feather.SETTINGS));
        menu.setAccessibleText("Menu");
        menu.setTooltip(new javafx.scene.control.Tooltip("Options, history, sign out"));
        HBox header = new HBox(16, avatar, who, menu);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("main-header");

        TextField note = new TextField();
        note.setId("noteField");
        note.setPromptText("What's happening today?");
        note.setAccessibleText("Personal note (Enter publishes)");
        note.textProperty().bindBidirectional(vm.noteProperty());
        note.setOnAction(e -> vm.publishNote());
        note.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                vm.publishNoteIfChanged();
            }
        });
        note.getStyleClass().add("note-field");
        ComboBox<String> location = new ComboBox<>();
        location.setId("locationField");
        location.setEditable(true);
        location.getItems().addAll("Office", "Home");
        location.setPromptText("Set your location");
        location.setAccessibleText("Location (Enter publishes)");
        location.getEditor().textProperty().bindBidirectional(vm.locationProperty());
        location.setOnAction(e -> vm.publishLocation());
        location.setMaxWidth(Double.MAX_VALUE);
        FontIcon pin = new FontIcon(Feather.MAP_PIN);
        pin.getStyleClass().add("text-muted");
        HBox locationRow = new HBox(8, pin, location);
        locationRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(location, Priority.ALWAYS);
        VBox me = new VBox(8, header, note, locationRow);
        me.getStyleClass().add("main-me");

        Label banner = new Label();
        banner.setId("connectionBanner");
        banner.getStyleClass().add("connection-banner");
        banner.setGraphic(new FontIcon(Feather.WIFI_OFF));
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(vm.bannerProperty());
        banner.visibleProperty().bind(vm.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());

        HBox searchRow = new HBox(8, search, tools);
        searchRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(search, Priority.ALWAYS);
        searchRow.getStyleClass().add("main-search");

        Label status = new Label();
        status.setId("mainStatus");
        status.getStyleClass().add("main-status");
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        status.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> !vm.statusProperty().get().isEmpty() ? vm.statusProperty().get() : listStatus.get(),
                vm.statusProperty(), listStatus));
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        status.setTooltip(new javafx.scene.control.Tooltip("Click to dismiss"));
        status.setOnMouseClicked(e -> {
            vm.clearStatus();
            listStatus.set("");
        });

        VBox.setVgrow(list, Priority.ALWAYS);
        root = new VBox(me, banner, searchRow, list, status);
        root.getStyleClass().add("main-window");
        root.setId("mainView");
        note.setOnKeyPressed(k -> {
            if (k.getCode() == KeyCode.ESCAPE) {
                list.requestFocus();
            }
        });
    }

    public Parent root() {
        return root;
    }

    /** The selector's entries: a presence dot and the label. */
    private static final class ChoiceCell extends ListCell<StateChoice> {
        private final PresenceDot dot = new PresenceDot();

        @Override
        protected void updateItem(StateChoice c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setText(null);
                setGraphic(null);
            } else {
                setText(c.label());
                dot.setAvailability(c.availability());
                setGraphic(dot);
                setGraphicTextGap(8);
            }
        }
    }
}
