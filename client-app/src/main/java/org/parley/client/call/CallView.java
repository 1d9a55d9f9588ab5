package org.parley.client.call;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.client.widgets.Avatar;

/**
 * The controls of one call: who and the state with the timer, the quality line with its lock, the action row
 * (Hold/Resume, Mute, Keypad, Transfer, Hang up: each with a mnemonic, a tooltip and an accessible text) and the
 * keypad and transfer panes they open. Binds to a {@link CallViewModel}; holds no state of its own.
 */
public final class CallView {
    private static final String KEYS = "123456789*0#";

    private final CallViewModel vm;
    private final VBox root = new VBox(12);
    private final ToggleButton keypadToggle = new ToggleButton("_Keypad", new FontIcon(Feather.GRID));
    private final ToggleButton transferToggle = new ToggleButton("_Transfer", new FontIcon(Feather.SHARE));
    private final Button hangUp = new Button("Hang _up", new FontIcon(Feather.PHONE_OFF));

    public CallView(CallViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("call");
        root.getChildren().addAll(header(), quality(), actions(), keypad(), transfer(), error());
    }

    public Node root() {
        return root;
    }

    /** Where focus starts: Hang up (the one action every call has). */
    public void focus() {
        hangUp.requestFocus();
    }

    private Node header() {
        Avatar avatar = new Avatar(48);
        avatar.setName(vm.nameProperty().get());
        vm.nameProperty().addListener((o, a, b) -> avatar.setName(b));
        Label name = new Label();
        name.setId("callName");
        name.getStyleClass().add("call-name");
        name.textProperty().bind(vm.nameProperty());
        Label title = new Label();
        title.setId("callTitle");
        title.getStyleClass().add("call-title");
        title.textProperty().bind(vm.titleProperty());
        title.visibleProperty().bind(vm.titleProperty().isNotEmpty());
        title.managedProperty().bind(title.visibleProperty());
        Label state = new Label();
        state.setId("callState");
        state.getStyleClass().add("call-state");
        state.textProperty().bind(vm.stateTextProperty());
        Label timer = new Label();
        timer.setId("callTimer");
        timer.getStyleClass().add("call-timer");
        timer.textProperty().bind(vm.timerProperty());
        HBox stateLine = new HBox(8, state, timer);
        stateLine.setAlignment(Pos.BASELINE_LEFT);
        VBox who = new VBox(2, name, title, stateLine);
        if (vm.forManager() != null) {
            Label m = new Label(vm.forManager());
            m.setId("callForManager");
            m.getStyleClass().add("call-subject");
            who.getChildren().add(m);
        }
        String subject = vm.call().subject();
        if (subject != null) {
            Label s = new Label((vm.call().highPriority() ? "! " : "") + subject);
            s.setId("callSubject");
            s.getStyleClass().add("call-subject");
            who.getChildren().add(s);
        } else if (vm.call().highPriority()) {
            Label s = new Label("! High priority");
            s.getStyleClass().add("call-subject");
            who.getChildren().add(s);
        }
        HBox.setHgrow(who, Priority.ALWAYS);
        HBox header = new HBox(14, avatar, who);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("call-header");
        vm.stateProperty().addListener((o, a, b) -> styleState(header));
        styleState(header);
        return header;
    }

    private void styleState(Node header) {
        header.getStyleClass().removeIf(c -> c.startsWith("call-is-"));
        header.getStyleClass().add("call-is-" + vm.stateProperty().get().name().toLowerCase(java.util.Locale.ROOT));
    }

    private Node quality() {
        Region dot = new Region();
        dot.getStyleClass().add("call-quality-dot");
        Runnable paint = () -> {
            dot.getStyleClass().removeIf(c -> c.startsWith("quality-"));
            dot.getStyleClass().add("quality-" + vm.qualityProperty().get().name().toLowerCase(java.util.Locale.ROOT));
        };
        vm.qualityProperty().addListener((o, a, b) -> paint.run());
        paint.run();
        FontIcon lock = new FontIcon(Feather.LOCK);
        lock.getStyleClass().add("call-lock");
        Label secure = new Label(null, lock);
        secure.setId("callEncrypted");
        secure.visibleProperty().bind(vm.encryptedProperty());
        secure.managedProperty().bind(secure.visibleProperty());
        secure.setTooltip(new Tooltip("Encrypted (SRTP)"));
        secure.setAccessibleText("Encrypted");
        Label text = new Label();
        text.setId("callQuality");
        text.getStyleClass().add("call-quality");
        text.textProperty().bind(vm.qualityTextProperty());
        HBox line = new HBox(6, dot, secure, text);
        line.setAlignment(Pos.CENTER_LEFT);
        line.visibleProperty().bind(vm.establishedProperty());
        line.managedProperty().bind(line.visibleProperty());
        line.setAccessibleText("Call quality");
        return line;
    }

    private Node actions() {
        Button hold = new Button();
        hold.setId("callHold");
        hold.textProperty().bind(Bindings.when(vm.heldProperty()).then("_Resume").otherwise("_Hold"));
        hold.graphicProperty().bind(Bindings.when(vm.heldProperty()).<Node>then(new FontIcon(Feather.PLAY))
                .otherwise(new FontIcon(Feather.PAUSE)));
        hold.accessibleTextProperty().bind(Bindings.when(vm.heldProperty()).then("Resume the call")
                .otherwise("Put the call on hold"));
        hold.setOnAction(e -> vm.holdOrResume());
        ToggleButton mute = new ToggleButton("_Mute", new FontIcon(Feather.MIC_OFF));
        mute.setId("callMute");
        mute.setAccessibleText("Mute my microphone");
        mute.setTooltip(new Tooltip("Mute or unmute my microphone"));
        mute.setSelected(vm.mutedProperty().get());
        vm.mutedProperty().addListener((o, a, b) -> mute.setSelected(b));
        mute.setOnAction(e -> {
            mute.setSelected(vm.mutedProperty().get()); // the view model's answer decides
            vm.toggleMute();
        });
        keypadToggle.setId("callKeypad");
        keypadToggle.setAccessibleText("Show the keypad");
        keypadToggle.setTooltip(new Tooltip("Keypad: send tones (you can also type digits, * and #)"));
        transferToggle.setId("callTransfer");
        transferToggle.setAccessibleText("Transfer the call");
        transferToggle.setTooltip(new Tooltip("Transfer to a user or number, or to another of your calls"));
        hangUp.setId("callHangUp");
        hangUp.getStyleClass().add("danger");
        hangUp.setAccessibleText("Hang up");
        for (Node n : new Node[]{hold, mute, keypadToggle, transferToggle}) {
            n.disableProperty().bind(vm.establishedProperty().not());
        }
        hangUp.disableProperty().bind(vm.endedProperty());
        hangUp.setOnAction(e -> vm.hangUp());
        FlowPane row = new FlowPane(8, 8, hold, mute, keypadToggle, transferToggle);
        if (vm.forManager() != null) { // a call I handle for a manager: it can go to the manager's voicemail
            Button voicemail = new Button("_Voicemail", new FontIcon(Feather.VOICEMAIL));
            voicemail.setId("callManagerVoicemail");
            voicemail.setAccessibleText("Send the call to " + vm.forManager().substring(4) + "'s voicemail");
            voicemail.setTooltip(new Tooltip("Send the caller to the voicemail of the manager you answered for"));
            voicemail.disableProperty().bind(vm.establishedProperty().not());
            voicemail.setOnAction(e -> vm.toManagersVoicemail());
            row.getChildren().add(voicemail);
        }
        row.getChildren().add(hangUp);
        row.getStyleClass().add("call-actions");
        return row;
    }

    private Node keypad() {
        GridPane grid = new GridPane();
        grid.setId("callKeypadPane");
        grid.getStyleClass().add("call-keypad");
        grid.setHgap(6);
        grid.setVgap(6);
        for (int i = 0; i < KEYS.length(); i++) {
            char k = KEYS.charAt(i);
            Button b = new Button(String.valueOf(k));
            b.setId("dtmf-" + (k == '*' ? "star" : k == '#' ? "hash" : String.valueOf(k)));
            b.getStyleClass().add("dial-key");
            b.setAccessibleText("Tone " + k);
            b.setOnAction(e -> vm.dtmf(k));
            grid.add(b, i % 3, i / 3);
        }
        Label sent = new Label();
        sent.setId("callDigits");
        sent.getStyleClass().add("call-digits");
        sent.textProperty().bind(vm.digitsProperty());
        VBox pane = new VBox(6, sent, grid);
        pane.visibleProperty().bind(keypadToggle.selectedProperty().and(vm.establishedProperty()));
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }

    private Node transfer() {
        TextField target = new TextField();
        target.setId("transferTarget");
        target.setPromptText("User or number");
        target.setAccessibleText("Transfer to user or number");
        HBox.setHgrow(target, Priority.ALWAYS);
        Button blind = new Button("Transfer");
        blind.setId("transferBlind");
        blind.disableProperty().bind(target.textProperty().isEmpty());
        Runnable doBlind = () -> {
            if (vm.transfer(target.getText())) {
                transferToggle.setSelected(false);
            }
        };
        blind.setOnAction(e -> doBlind.run());
        target.setOnAction(e -> doBlind.run());
        ComboBox<CallViewModel.Other> others = new ComboBox<>();
        others.setId("transferToCall");
        others.setPromptText("One of my other calls");
        others.setAccessibleText("Transfer to another of my calls");
        others.setMaxWidth(Double.MAX_VALUE);
        others.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(CallViewModel.Other o) {
                return o == null ? "" : o.label();
            }

            @Override
            public CallViewModel.Other fromString(String s) {
                return null;
            }
        });
        HBox.setHgrow(others, Priority.ALWAYS);
        Button consult = new Button("Connect");
        consult.setId("transferConsult");
        consult.disableProperty().bind(others.valueProperty().isNull());
        consult.setOnAction(e -> {
            vm.transferTo(others.getValue().id());
            transferToggle.setSelected(false);
        });
        transferToggle.selectedProperty().addListener((o, a, open) -> {
            if (open) {
                others.getItems().setAll(vm.others());
                target.requestFocus();
            }
        });
        Label blindLabel = new Label("Blind transfer to:");
        blindLabel.setLabelFor(target);
        Label consultLabel = new Label("Or connect with:");
        consultLabel.setLabelFor(others);
        VBox pane = new VBox(6, blindLabel, new HBox(6, target, blind), consultLabel, new HBox(6, others, consult));
        pane.getStyleClass().add("call-transfer");
        pane.visibleProperty().bind(transferToggle.selectedProperty().and(vm.establishedProperty()));
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }

    private Node error() {
        Label error = new Label();
        error.setId("callError");
        error.getStyleClass().add("call-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    /** Typed keys while the keypad is open are tones (digits, * and #), unless a text field has focus. */
    boolean typed(String character, Node focused) {
        if (!keypadToggle.isSelected() || focused instanceof TextField || character == null
                || character.length() != 1 || KEYS.indexOf(character.charAt(0)) < 0) {
            return false;
        }
        vm.dtmf(character.charAt(0));
        return true;
    }
}
