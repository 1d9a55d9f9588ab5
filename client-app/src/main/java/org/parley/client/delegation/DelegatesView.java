package org.parley.client.delegation;

import atlantafx.base.theme.Styles;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.parley.client.members.MemberPicker;
import org.parley.client.members.UserSuggestions;
import org.parley.core.client.DelegationService.RingMode;
import org.parley.ui.Forms;

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

        MemberPicker picker = new MemberPicker(vm.delegateMembers(), users, new MemberPicker.Ids("delegateList",
                "newDelegate", "addDelegate", "removeDelegate", "Remove this delegate"), "No delegates yet.",
                vm::addDelegate, vm::removeDelegate);
        ListView<String> list = picker.list();
        list.setPrefHeight(120);
        HBox addRow = picker.addRow();

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

        Label error = Forms.errorLine("delegatesError", vm.errorProperty());
        javafx.scene.control.ButtonBar buttons = Forms.saveCancel("_Save", "saveDelegates", vm.busyProperty(), vm::save,
                saved, close);
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
}
