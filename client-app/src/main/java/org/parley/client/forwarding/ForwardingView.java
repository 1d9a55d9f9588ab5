package org.parley.client.forwarding;

import atlantafx.base.theme.Styles;
import java.util.Objects;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.client.members.MemberPicker;
import org.parley.client.members.UserSuggestions;
import org.parley.core.client.CallForwarding.Mode;
import org.parley.core.client.CallTarget.Kind;
import org.parley.ui.Forms;

/** The "Call forwarding" dialog's controls, bound to a {@link ForwardingViewModel}; no logic of its own. */
final class ForwardingView {
    private static final String CSS = "/org/parley/client/forwarding/forwarding.css";

    private final ForwardingViewModel vm;
    private final UserSuggestions users;
    private final Runnable close;
    private final VBox root = new VBox(12);
    // kept: bidirectional bindings hold their ends weakly
    private ObjectProperty<Integer> secondsValue;

    ForwardingView(ForwardingViewModel vm, UserSuggestions users, Runnable close) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.users = Objects.requireNonNull(users, "users");
        this.close = Objects.requireNonNull(close, "close");
        build();
    }

    Parent root() {
        return root;
    }

    private void build() {
        root.getStyleClass().add("forwarding");
        root.getStylesheets().add(Objects.requireNonNull(ForwardingView.class.getResource(CSS), CSS).toExternalForm());
        root.setPadding(new Insets(20, 24, 16, 24));

        ToggleGroup modes = new ToggleGroup();
        RadioButton off = radio("_Off: ring only me", Mode.OFF, modes, "forwardOff");
        RadioButton all = radio("_Forward all calls to", Mode.FORWARD_ALL, modes, "forwardAll");
        RadioButton sim = radio("_Simultaneously ring", Mode.SIMULTANEOUS_RING, modes, "simRing");
        selectMode(modes, vm.modeProperty().get());
        modes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                modes.selectToggle(old);
            } else {
                vm.modeProperty().set((Mode) now.getUserData());
            }
        });
        vm.modeProperty().addListener((obs, old, now) -> selectMode(modes, now));

        BooleanBinding notAll = vm.modeProperty().isNotEqualTo(Mode.FORWARD_ALL);
        ComboBox<Kind> forwardKind = kinds(ForwardingViewModel.forwardChoices(), vm.forwardKindProperty(), "forwardKind");
        Node forwardValue = targetValue(vm.forwardKindProperty(), vm.forwardValueProperty(), "forwardValue");
        HBox forwardRow = indented(forwardKind, forwardValue);
        forwardRow.disableProperty().bind(notAll);

        BooleanBinding notSim = vm.modeProperty().isNotEqualTo(Mode.SIMULTANEOUS_RING);
        ComboBox<String> extra = userField(vm.simRingExtraProperty(), "A number or a person", "simRingExtra");
        CheckBox withTeam = new CheckBox("and my _Team-Call group");
        withTeam.setId("simRingTeam");
        withTeam.selectedProperty().bindBidirectional(vm.simRingTeamProperty());
        HBox simRow = indented(extra, withTeam);
        simRow.disableProperty().bind(notSim);

        Label teamTitle = section("My Team-Call group");
        MemberPicker picker = new MemberPicker(vm.teamMembers(), users, new MemberPicker.Ids("teamList", "newMember",
                "addMember", "removeMember", "Remove from my team"),
                "Nobody yet: add people who may take your calls.", vm::addTeamMember, vm::removeTeamMember);
        ListView<String> team = picker.list();
        team.getStyleClass().add("forwarding-team");
        team.setPrefHeight(110);
        HBox addRow = picker.addRow();

        Label unansweredTitle = section("Unanswered calls");
        ComboBox<Kind> unansweredKind = kinds(ForwardingViewModel.unansweredChoices(), vm.unansweredKindProperty(),
                "unansweredKind");
        Node unansweredValue = targetValue(vm.unansweredKindProperty(), vm.unansweredValueProperty(),
                "unansweredValue");
        Spinner<Integer> seconds = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                ForwardingViewModel.MIN_SECONDS, ForwardingViewModel.MAX_SECONDS,
                vm.unansweredSecondsProperty().get(), 5));
        seconds.setId("unansweredSeconds");
        seconds.setEditable(true);
        seconds.setPrefWidth(90);
        seconds.getEditor().focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                try {
                    seconds.commitValue();
                } catch (RuntimeException e) {
                    seconds.cancelEdit();
                }
            }
        });
        secondsValue = vm.unansweredSecondsProperty().asObject();
        seconds.getValueFactory().valueProperty().bindBidirectional(secondsValue);
        HBox unansweredRow = new HBox(8, new Label("go to"), unansweredKind, unansweredValue, new Label("after"),
                seconds, new Label("seconds"));
        unansweredRow.setAlignment(Pos.CENTER_LEFT);

        Label error = Forms.errorLine("forwardingError", vm.errorProperty());
        error.getStyleClass().add("forwarding-error");
        error.setGraphic(new FontIcon(Feather.ALERT_CIRCLE));
        Label status = muted("");
        status.setId("forwardingStatus");
        status.textProperty().bind(vm.statusProperty());
        status.visibleProperty().bind(vm.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());

        ButtonBar buttons = Forms.saveCancel("OK", "saveForwarding", vm.busyProperty(), vm::save, close, close);

        Label title = new Label("When someone calls me");
        title.getStyleClass().add(Styles.TITLE_4);
        root.getChildren().addAll(title, off, all, forwardRow, sim, simRow, new Separator(), teamTitle, team, addRow,
                new Separator(), unansweredTitle, unansweredRow, error, status, new Separator(), buttons);
    }

    /** Adds "Delegates…" (the delegation dialog) above the dialog's buttons. */
    void offerDelegates(Runnable open) {
        Button delegates = new Button("_Delegates…", new FontIcon(Feather.USERS));
        delegates.setId("openDelegates");
        delegates.setOnAction(e -> open.run());
        root.getChildren().add(root.getChildren().size() - 2, delegates);
    }

    private static void selectMode(ToggleGroup modes, Mode mode) {
        modes.getToggles().stream().filter(t -> t.getUserData() == mode).findFirst().ifPresent(modes::selectToggle);
    }

    private static RadioButton radio(String text, Mode mode, ToggleGroup group, String id) {
        RadioButton r = new RadioButton(text);
        r.setMnemonicParsing(true);
        r.setUserData(mode);
        r.setToggleGroup(group);
        r.setId(id);
        return r;
    }

    private static HBox indented(Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(0, 0, 0, 26));
        return row;
    }

    private static ComboBox<Kind> kinds(java.util.List<Kind> choices, ObjectProperty<Kind> value, String id) {
        ComboBox<Kind> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(choices);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Kind k) {
                return k == null ? "" : switch (k) {
                    case VOICEMAIL -> "Voicemail";
                    case USER -> "A person";
                    case NUMBER -> "A number";
                    case NONE -> "Nowhere (keep ringing)";
                };
            }

            @Override
            public Kind fromString(String s) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    /** A number field or a person picker, whichever the kind asks for; nothing for voicemail and nowhere. */
    private Node targetValue(ObjectProperty<Kind> kind, StringProperty value, String id) {
        TextField number = new TextField();
        number.setId(id + "Number");
        number.setPromptText("+1 555 0100");
        number.textProperty().bindBidirectional(value);
        ComboBox<String> person = userField(value, "Name or address", id + "User");
        number.visibleProperty().bind(kind.isEqualTo(Kind.NUMBER));
        person.visibleProperty().bind(kind.isEqualTo(Kind.USER));
        StackPane box = new StackPane(number, person);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(number.visibleProperty().or(person.visibleProperty()));
        box.managedProperty().bind(box.visibleProperty());
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    /** An editable person picker: typing suggests contacts and directory users; the text is the value. */
    private ComboBox<String> userField(StringProperty value, String prompt, String id) {
        return MemberPicker.userField(users, value, prompt, id);
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TEXT_BOLD, "forwarding-section");
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setWrapText(true);
        return l;
    }
}
