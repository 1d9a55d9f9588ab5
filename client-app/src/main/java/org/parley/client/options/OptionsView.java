package org.parley.client.options;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.client.settings.ClientSettings;
import org.parley.ui.Theme;

/** The Options dialog's controls, bound to an {@link OptionsViewModel}; no logic of its own. */
final class OptionsView {
    private final OptionsViewModel vm;
    private final Runnable close;
    private final VBox root = new VBox();
    // kept: bidirectional bindings hold their ends weakly
    private ObjectProperty<Integer> inactiveValue;
    private ObjectProperty<Integer> awayValue;
    private ObjectProperty<Integer> fontValue;

    OptionsView(OptionsViewModel vm, Runnable close) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.close = Objects.requireNonNull(close, "close");
        build();
    }

    Parent root() {
        return root;
    }

    private void build() {
        root.getStyleClass().add("options");
        root.setPadding(new Insets(20, 24, 16, 24));
        root.setSpacing(14);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("options-grid");
        grid.setHgap(12);
        grid.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.LEFT);
        labels.setMinWidth(Region_USE_PREF);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);

        int row = 0;
        grid.add(section("Status"), 0, row++, 2, 1);
        Spinner<Integer> inactive = minutes(vm.inactiveMinutesProperty().get());
        inactiveValue = vm.inactiveMinutesProperty().asObject();
        inactive.getValueFactory().valueProperty().bindBidirectional(inactiveValue);
        grid.addRow(row++, label("_Inactive after", inactive), withUnit(inactive, "minutes idle"));
        Spinner<Integer> away = minutes(vm.awayMinutesProperty().get());
        awayValue = vm.awayMinutesProperty().asObject();
        away.getValueFactory().valueProperty().bindBidirectional(awayValue);
        grid.addRow(row++, label("_Away after", away), withUnit(away, "minutes idle"));
        Label idleNote = new Label(vm.idleNote());
        idleNote.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        idleNote.setWrapText(true);
        grid.add(idleNote, 1, row++);

        grid.add(section("Alerts and start-up"), 0, row++, 2, 1);
        CheckBox sounds = new CheckBox("Play _sounds for alerts");
        sounds.selectedProperty().bindBidirectional(vm.soundsProperty());
        grid.add(sounds, 0, row++, 2, 1);
        CheckBox signIn = new CheckBox("Sign in _automatically at start-up");
        signIn.selectedProperty().bindBidirectional(vm.signInAtStartProperty());
        signIn.disableProperty().bind(vm.signInAtStartPossibleProperty().not());
        grid.add(signIn, 0, row++, 2, 1);
        Label rememberHint = new Label("Needs \"Remember me\" on the sign-in screen.");
        rememberHint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        rememberHint.visibleProperty().bind(vm.signInAtStartPossibleProperty().not());
        rememberHint.managedProperty().bind(rememberHint.visibleProperty());
        rememberHint.setPadding(new Insets(-6, 0, 0, 26));
        grid.add(rememberHint, 0, row++, 2, 1);

        grid.add(section("Appearance"), 0, row++, 2, 1);
        grid.addRow(row++, label("_Theme", null), themeToggle());
        Spinner<Integer> font = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                ClientSettings.MIN_FONT, ClientSettings.MAX_FONT, vm.fontSizeProperty().get()));
        font.setEditable(true);
        font.setPrefWidth(90);
        commitOnFocusLoss(font);
        fontValue = vm.fontSizeProperty().asObject();
        font.getValueFactory().valueProperty().bindBidirectional(fontValue);
        grid.addRow(row++, label("_Font size", font), withUnit(font, "px"));

        row = devices(grid, row);

        grid.add(section("Files"), 0, row++, 2, 1);
        TextField folder = new TextField();
        folder.setEditable(false);
        folder.setFocusTraversable(false);
        folder.textProperty().bind(vm.downloadsShownProperty());
        HBox.setHgrow(folder, Priority.ALWAYS);
        folder.setPrefColumnCount(22);
        Button choose = new Button("C_hoose…", new FontIcon(Feather.FOLDER));
        choose.setOnAction(e -> chooseFolder(root.getScene() == null ? null : root.getScene().getWindow()));
        Button reset = new Button("_Default");
        reset.disableProperty().bind(vm.downloadsProperty().isNull());
        reset.setOnAction(e -> vm.useDefaultDownloads());
        HBox folderRow = new HBox(8, folder, choose, reset);
        folderRow.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(row++, label("Do_wnloads", choose), folderRow);

        Label error = new Label();
        error.getStyleClass().addAll(Styles.DANGER, "options-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        Button ok = new Button("OK");
        ok.setDefaultButton(true);
        ok.disableProperty().bind(vm.validProperty().not());
        ok.setOnAction(e -> {
            if (vm.apply()) {
                close.run();
            }
        });
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            vm.cancel();
            close.run();
        });
        Button apply = new Button("A_pply");
        apply.disableProperty().bind(vm.dirtyProperty().not().or(vm.validProperty().not()));
        apply.setOnAction(e -> vm.apply());
        ButtonBar.setButtonData(ok, ButtonBar.ButtonData.OK_DONE);
        ButtonBar.setButtonData(cancel, ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonBar.setButtonData(apply, ButtonBar.ButtonData.APPLY);
        ButtonBar buttons = new ButtonBar();
        buttons.getButtons().addAll(ok, cancel, apply);

        root.getChildren().addAll(grid, error, new Separator(), buttons);
    }

    /** The "Audio devices" rows: microphone, speaker, ringer. Returns the next free row. */
    private int devices(GridPane grid, int row) {
        DevicesViewModel d = vm.devices();
        grid.add(section("Audio devices"), 0, row++, 2, 1);
        ComboBox<String> capture = device(d.captureChoices(), d.captureProperty(), "captureDevice");
        grid.addRow(row++, label("_Microphone", capture), capture);
        ComboBox<String> playback = device(d.playbackChoices(), d.playbackProperty(), "playbackDevice");
        grid.addRow(row++, label("S_peaker", playback), playback);
        ComboBox<String> ringer = device(d.playbackChoices(), d.ringerProperty(), "ringerDevice");
        grid.addRow(row++, label("_Ringer", ringer), ringer);
        Label hint = new Label("Sign in to choose among this computer's devices. Calls use them from the next call on.");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        hint.visibleProperty().bind(d.availableProperty().not());
        hint.managedProperty().bind(hint.visibleProperty());
        grid.add(hint, 1, row++);
        return row;
    }

    private static ComboBox<String> device(javafx.collections.ObservableList<String> choices,
                                           javafx.beans.property.StringProperty value, String id) {
        ComboBox<String> box = new ComboBox<>(choices);
        box.setId(id);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String device) {
                return DevicesViewModel.describe(device);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    private static final double Region_USE_PREF = javafx.scene.layout.Region.USE_PREF_SIZE;

    private Node themeToggle() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton light = new ToggleButton("Light", new FontIcon(Feather.SUN));
        light.setUserData(Theme.LIGHT);
        light.getStyleClass().add(Styles.LEFT_PILL);
        ToggleButton dark = new ToggleButton("Dark", new FontIcon(Feather.MOON));
        dark.setUserData(Theme.DARK);
        dark.getStyleClass().add(Styles.RIGHT_PILL);
        group.getToggles().addAll(light, dark);
        group.selectToggle(vm.themeProperty().get() == Theme.DARK ? dark : light);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                group.selectToggle(old); // one of the two is always chosen
            } else {
                vm.themeProperty().set((Theme) now.getUserData());
            }
        });
        vm.themeProperty().addListener((obs, old, now) -> group.selectToggle(now == Theme.DARK ? dark : light));
        HBox box = new HBox(light, dark);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Spinner<Integer> minutes(int initial) {
        Spinner<Integer> s = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                OptionsViewModel.MIN_MINUTES, OptionsViewModel.MAX_MINUTES, initial));
        s.setEditable(true);
        s.setPrefWidth(90);
        commitOnFocusLoss(s);
        return s;
    }

    private static void commitOnFocusLoss(Spinner<Integer> s) {
        s.getEditor().focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                try {
                    s.commitValue();
                } catch (RuntimeException e) {
                    s.cancelEdit(); // not a number: show the value again
                }
            }
        });
    }

    private static Node withUnit(Node field, String unit) {
        Label u = new Label(unit);
        u.getStyleClass().add(Styles.TEXT_MUTED);
        HBox box = new HBox(8, field, u);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label label(String text, Node target) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        l.setMinWidth(Region_USE_PREF);
        return l;
    }

    private static Node section(String title) {
        Label l = new Label(title);
        l.getStyleClass().addAll(Styles.TEXT_BOLD, "options-section");
        l.setPadding(new Insets(6, 0, 0, 0));
        return l;
    }

    private void chooseFolder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Downloads folder");
        File start = vm.downloadsFolder().toFile();
        if (start.isDirectory()) {
            chooser.setInitialDirectory(start);
        }
        File chosen = chooser.showDialog(owner);
        if (chosen != null) {
            vm.downloadsProperty().set(chosen.getAbsolutePath());
        }
    }
}
