package org.parley.client.delegation;

import atlantafx.base.theme.Styles;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.client.forwarding.UserSuggestions;
import org.parley.core.client.DelegationService.RingMode;

/** The "Delegates" dialog: my delegates (add from contacts, directory or typed; remove) and how they are rung. */
public final class DelegatesView {
    private final VBox root = new VBox(10);
    private final DelegatesViewModel vm;

    /** {@code saved} runs once the delegation is stored (closes the dialog); Cancel just closes the window. */
    public DelegatesView(DelegatesViewModel vm, UserSuggestions users, Runnable saved, Runnable close) {
        this.vm = Objects.requireNonNull(vm, "vm");
        root.setPadding(new Insets(16));
        root.getStyleClass().add("delegates");
        Label title = new Label("People who may answer and place calls for me");
        title.getStyleClass().add(Styles.TITLE_4);

        ListView<String> list = new ListView<>(vm.delegates());
        list.setId("delegateList");
        list.setPrefHeight(120);
        list.setPlaceholder(new Label("No delegates yet."));
        list.setCellFactory(v -> new DelegateCell());

        ComboBox<String> person = new ComboBox<>(users.items());
        person.setId("newDelegate");
        person.setEditable(true);
        person.setPromptText("Add a person");
        person.setMaxWidth(Double.MAX_VALUE);
        person.getEditor().textProperty().bindBidirectional(vm.newDelegateProperty());
        person.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String uri, boolean empty) {
                super.updateItem(uri, empty);
                String name = empty || uri == null ? null : users.nameOf(uri);
                setText(empty || uri == null ? null : name == null ? uri.replaceFirst("^sips?:", "")
                        : name + "  ·  " + uri.replaceFirst("^sips?:", ""));
            }
        });
        person.getEditor().setOnKeyTyped(e -> users.suggest(person.getEditor().getText()));
        person.setOnShowing(e -> users.suggest(person.getEditor().getText()));
        person.getEditor().setOnAction(e -> vm.addDelegate());
        Button add = new Button("_Add", new FontIcon(Feather.USER_PLUS));
        add.setId("addDelegate");
        add.setOnAction(e -> vm.addDelegate());
        HBox.setHgrow(person, Priority.ALWAYS);
        HBox addRow = new HBox(8, person, add);
        addRow.setAlignment(Pos.CENTER_LEFT);

        ToggleGroup modes = new ToggleGroup();
        RadioButton with = radio("Ring my delegates _with me", RingMode.WITH_MANAGER, modes, "ringWithMe");
        RadioButton after = radio("Ring them _after", RingMode.AFTER_DELAY, modes, "ringAfter");
        RadioButton only = radio("Ring _only my delegates", RingMode.DELEGATES_ONLY, modes, "ringDelegatesOnly");
        Spinner<Integer> delay = new Spinner<>(DelegatesViewModel.MIN_DELAY, DelegatesViewModel.MAX_DELAY,
                vm.delaySecondsProperty().get());
        delay.setId("delegateDelay");
        delay.setEditable(true);
        delay.setPrefWidth(90);
        delay.getValueFactory().valueProperty().addListener((o, a, now) -> {
            if (now != null) {
                vm.delaySecondsProperty().set(now);
            }
        });
        vm.delaySecondsProperty().addListener((o, a, now) -> delay.getValueFactory().setValue(now.intValue()));
        delay.disableProperty().bind(vm.modeProperty().isNotEqualTo(RingMode.AFTER_DELAY));
        HBox afterRow = new HBox(8, after, delay, new Label("seconds"));
        afterRow.setAlignment(Pos.CENTER_LEFT);
        modes.getToggles().stream().filter(t -> t.getUserData() == vm.modeProperty().get()).findFirst()
                .ifPresent(modes::selectToggle);
        vm.modeProperty().addListener((o, a, now) -> modes.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(modes::selectToggle));
        modes.selectedToggleProperty().addListener((o, a, now) -> {
            if (now != null) {
                vm.modeProperty().set((RingMode) now.getUserData());
            }
        });

        Label error = new Label();
        error.setId("delegatesError");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button save = new Button("_Save");
        save.setId("saveDelegates");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.save().thenAccept(ok -> {
            if (ok) {
                saved.run();
            }
        }));
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        ButtonBar.setButtonData(save, ButtonBar.ButtonData.OK_DONE);
        ButtonBar.setButtonData(cancel, ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonBar buttons = new ButtonBar();
        buttons.getButtons().addAll(save, cancel);
        root.getChildren().addAll(title, list, addRow, new Label("My calls"), with, afterRow, only, error, buttons);
    }

    private static RadioButton radio(String text, RingMode mode, ToggleGroup group, String id) {
        RadioButton r = new RadioButton(text);
        r.setMnemonicParsing(true);
        r.setUserData(mode);
        r.setToggleGroup(group);
        r.setId(id);
        return r;
    }

    public javafx.scene.Parent root() {
        return root;
    }

    private final class DelegateCell extends ListCell<String> {
        private final Label name = new Label();
        private final Button remove = new Button(null, new FontIcon(Feather.X));
        private final HBox box;

        DelegateCell() {
            remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
            remove.setAccessibleText("Remove this delegate");
            remove.setId("removeDelegate");
            remove.setOnAction(e -> {
                if (getItem() != null) {
                    vm.removeDelegate(getItem());
                }
            });
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            box = new HBox(8, name, gap, remove);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(String aor, boolean empty) {
            super.updateItem(aor, empty);
            setText(null);
            if (empty || aor == null) {
                setGraphic(null);
            } else {
                name.setText(vm.nameOf(aor) + "  ·  " + aor.replaceFirst("^sips?:", ""));
                setGraphic(box);
            }
        }
    }
}
