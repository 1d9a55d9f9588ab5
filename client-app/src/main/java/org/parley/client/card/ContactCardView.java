package org.parley.client.card;

import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.client.widgets.Avatar;
import org.parley.client.widgets.PresenceDot;
import org.parley.core.model.AccessLevel;

/** The contact card's controls: header, actions, the fields the server sent, and the access level I grant. */
public final class ContactCardView {
    private final VBox root;
    private final Button im;

    public ContactCardView(ContactCardViewModel vm, Runnable onIm, Runnable onCall, Runnable onEmail) {
        Objects.requireNonNull(vm, "vm");
        Avatar avatar = new Avatar(56);
        avatar.setName(vm.nameProperty().get());
        avatar.setAvailability(vm.availabilityProperty().get());
        vm.nameProperty().addListener((obs, old, now) -> avatar.setName(now));
        vm.availabilityProperty().addListener((obs, old, now) -> avatar.setAvailability(now));
        Label name = new Label();
        name.setId("cardName");
        name.getStyleClass().add("title-4");
        name.setWrapText(true);
        name.textProperty().bind(vm.nameProperty());
        PresenceDot dot = new PresenceDot();
        dot.setAvailability(vm.availabilityProperty().get());
        vm.availabilityProperty().addListener((obs, old, now) -> dot.setAvailability(now));
        Label state = new Label();
        state.setId("cardState");
        state.textProperty().bind(vm.stateProperty());
        HBox stateLine = new HBox(8, dot, state);
        stateLine.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label();
        note.setId("cardNote");
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        note.textProperty().bind(vm.noteProperty());
        note.visibleProperty().bind(vm.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        VBox who = new VBox(4, name, stateLine, note);
        who.setMinWidth(0);
        HBox.setHgrow(who, Priority.ALWAYS);
        HBox header = new HBox(16, avatar, who);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("card-header");

        im = action("_IM", Feather.MESSAGE_SQUARE, "Send an instant message");
        im.setId("cardIm");
        im.setOnAction(e -> onIm.run());
        Button call = action("_Call", Feather.PHONE_CALL, "Call");
        call.setId("cardCall");
        call.setDisable(onCall == null); // a distribution group cannot be called
        call.setOnAction(e -> onCall.run());
        Button mail = action("_E-mail", Feather.MAIL, "Send an e-mail");
        mail.setId("cardEmail");
        mail.disableProperty().bind(vm.emailProperty().isNull());
        mail.setOnAction(e -> onEmail.run());
        HBox actions = new HBox(8, im, call, mail);
        actions.getStyleClass().add("card-actions");

        GridPane grid = new GridPane();
        grid.setId("cardFields");
        grid.getStyleClass().add("card-fields");
        grid.setHgap(16);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        labels.setHalignment(HPos.LEFT);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, values);
        Runnable fill = () -> {
            grid.getChildren().clear();
            int row = 0;
            for (ContactCardViewModel.Field f : vm.fields()) {
                Label l = new Label(f.label());
                l.getStyleClass().add("card-field-label");
                Label v = new Label(f.value());
                v.setId("card-" + f.id());
                v.getStyleClass().add("card-field-value");
                v.setWrapText(true);
                grid.addRow(row++, l, v);
            }
        };
        vm.fields().addListener((ListChangeListener<ContactCardViewModel.Field>) c -> fill.run());
        fill.run();

        ComboBox<AccessLevel> level = new ComboBox<>();
        level.setId("cardAccessLevel");
        level.getItems().add(null);
        level.getItems().addAll(AccessLevel.PERSONAL, AccessLevel.TEAM, AccessLevel.COMPANY, AccessLevel.PUBLIC,
                AccessLevel.BLOCKED);
        level.setCellFactory(v -> new LevelCell(vm, false));
        level.setButtonCell(new LevelCell(vm, true));
        level.valueProperty().bindBidirectional(vm.grantedLevelProperty());
        level.setMaxWidth(Double.MAX_VALUE);
        Label levelLabel = new Label("Access level I grant");
        levelLabel.getStyleClass().add("card-section");
        levelLabel.setLabelFor(level);
        VBox access = new VBox(8, levelLabel, level);
        access.visibleProperty().bind(vm.inMyListProperty());
        access.managedProperty().bind(access.visibleProperty());

        root = new VBox(16, header, actions, grid, access);
        root.getStyleClass().add("contact-card");
        root.setId("contactCard");
    }

    private static Button action(String text, Feather icon, String tip) {
        Button b = new Button(text, new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        return b;
    }

    public Parent root() {
        return root;
    }

    public void focus() {
        im.requestFocus();
    }

    private static final class LevelCell extends ListCell<AccessLevel> {
        private final ContactCardViewModel vm;
        private final boolean button;

        LevelCell(ContactCardViewModel vm, boolean button) {
            this.vm = vm;
            this.button = button;
        }

        @Override
        protected void updateItem(AccessLevel l, boolean empty) {
            super.updateItem(l, empty);
            if (empty) {
                setText(null);
                return;
            }
            String eff = vm.effectiveLevelProperty().get();
            String text = l == null ? "Automatic" + (eff.isEmpty() ? "" : " (" + eff + ")")
                    : ContactCardViewModel.title(l);
            setText(button ? text : text + " — " + (l == null ? "follows its groups or the default"
                    : ContactCardViewModel.explain(l)));
        }
    }
}
