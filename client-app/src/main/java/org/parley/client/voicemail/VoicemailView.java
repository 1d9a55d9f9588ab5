package org.parley.client.voicemail;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.core.client.VoicemailService.Voicemail;

/** The voicemail window's controls, bound to a {@link VoicemailViewModel}; no logic of its own. */
final class VoicemailView {
    private static final String CSS = "/org/parley/client/voicemail/voicemail.css";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT);

    private final VoicemailViewModel vm;
    private final ZoneId zone;
    private final BorderPane root = new BorderPane();

    VoicemailView(VoicemailViewModel vm, ZoneId zone) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.zone = Objects.requireNonNull(zone, "zone");
        build();
    }

    Parent root() {
        return root;
    }

    private void build() {
        root.getStyleClass().add("voicemail");
        root.getStylesheets().add(Objects.requireNonNull(VoicemailView.class.getResource(CSS), CSS).toExternalForm());
        ListView<Voicemail> list = new ListView<>(vm.messages());
        list.setId("voicemailList");
        list.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        list.setCellFactory(v -> new MessageCell());
        Label empty = new Label("No messages");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        list.setPlaceholder(empty);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != vm.selectedProperty().get()) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((obs, old, now) -> {
            if (now == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                vm.play(vm.selectedProperty().get());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.play(vm.selectedProperty().get());
            } else if (e.getCode() == KeyCode.DELETE) {
                vm.delete(vm.selectedProperty().get());
            }
        });
        list.disableProperty().bind(vm.availableProperty().not());
        root.setCenter(list);

        BooleanBinding none = vm.selectedProperty().isNull();
        Button play = button("_Play", Feather.PLAY, "playVoicemail", none);
        play.setOnAction(e -> vm.play(vm.selectedProperty().get()));
        Button heard = button("_Mark heard", Feather.CHECK, "markHeard", none);
        heard.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedProperty().get() != null
                && vm.selectedProperty().get().heard() ? "Mark _new" : "_Mark heard", vm.selectedProperty()));
        heard.setOnAction(e -> {
            Voicemail v = vm.selectedProperty().get();
            vm.markHeard(v, v != null && !v.heard());
        });
        Button delete = button("_Delete", Feather.TRASH_2, "deleteVoicemail", none);
        delete.setOnAction(e -> vm.delete(vm.selectedProperty().get()));
        Button call = button("_Call back", Feather.PHONE_CALL, "callBackVoicemail", none);
        call.setOnAction(e -> vm.callBack(vm.selectedProperty().get()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button greeting = button("_Record greeting…", Feather.MIC, "setGreeting", null);
        greeting.setTooltip(new Tooltip("Choose a WAV recording of your greeting (at most 60 s)"));
        greeting.setOnAction(e -> chooseGreeting());
        Button reset = button("Default greeting", Feather.ROTATE_CCW, "resetGreeting", null);
        reset.setOnAction(e -> vm.resetGreeting());
        HBox actions = new HBox(8, play, heard, delete, call, gap, greeting, reset);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(10, 12, 10, 12));
        actions.getStyleClass().add("voicemail-actions");
        root.setTop(actions);

        Label error = new Label();
        error.setId("voicemailError");
        error.getStyleClass().add("voicemail-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        Label status = new Label();
        status.setId("voicemailStatus");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(vm.statusProperty());
        VBox bottom = new VBox(4, error, status);
        bottom.setPadding(new Insets(6, 12, 6, 12));
        bottom.getStyleClass().add("voicemail-status");
        root.setBottom(bottom);
    }

    private Button button(String text, Feather icon, String id, BooleanBinding disabledWhen) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setMnemonicParsing(true);
        b.setMinWidth(Region.USE_PREF_SIZE);
        if (disabledWhen != null) {
            b.disableProperty().bind(disabledWhen.or(vm.availableProperty().not()));
        } else {
            b.disableProperty().bind(vm.availableProperty().not());
        }
        return b;
    }

    private void chooseGreeting() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Greeting (WAV)");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("WAV audio", "*.wav", "*.WAV"));
        File f = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) {
            vm.setGreeting(f.toPath());
        }
    }

    private final class MessageCell extends ListCell<Voicemail> {
        private final Label caller = new Label();
        private final Label when = new Label();
        private final Label detail = new Label();
        private final FontIcon icon = new FontIcon(Feather.VOICEMAIL);
        private final HBox box;

        MessageCell() {
            when.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox top = new HBox(6, caller, gap, when);
            VBox text = new VBox(2, top, detail);
            HBox.setHgrow(text, Priority.ALWAYS);
            box = new HBox(10, icon, text);
            box.setAlignment(Pos.CENTER_LEFT);
            box.setPadding(new Insets(6, 10, 6, 10));
        }

        @Override
        protected void updateItem(Voicemail v, boolean empty) {
            super.updateItem(v, empty);
            setText(null);
            if (empty || v == null) {
                setGraphic(null);
                return;
            }
            caller.setText(vm.callerText(v));
            caller.getStyleClass().remove(Styles.TEXT_BOLD);
            icon.getStyleClass().remove("voicemail-new");
            if (!v.heard()) {
                caller.getStyleClass().add(Styles.TEXT_BOLD);
                icon.getStyleClass().add("voicemail-new");
            }
            when.setText(v.received() == null ? "" : WHEN.format(v.received().atZone(zone)));
            String reason = VoicemailViewModel.reasonText(v.reason());
            detail.setText(VoicemailViewModel.lengthText(v.length()) + (reason.isEmpty() ? "" : " · " + reason)
                    + (v.heard() ? "" : " · new"));
            setGraphic(box);
            setAccessibleText(vm.callerText(v) + (v.heard() ? "" : ", new") + ", " + when.getText());
        }
    }
}
