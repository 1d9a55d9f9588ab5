package org.parley.client.members;

import atlantafx.base.theme.Styles;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The widgets of a {@link MemberList}: the list (each row a name, the address and a remove button) and the add row
 * (a person picker with suggestions, and an Add button). Adding and removing go through the dialog's view model
 * ({@code add}, {@code remove}), which shows refusals on its error line.
 */
public final class MemberPicker {
    /** Node ids and texts: the list, the picker, the Add button, each row's remove button and its spoken text. */
    public record Ids(String list, String field, String add, String remove, String removeText) {
    }

    private final ListView<String> list;
    private final HBox addRow;

    public MemberPicker(MemberList members, UserSuggestions users, Ids ids, String placeholder, Runnable add,
                        Consumer<String> remove) {
        Objects.requireNonNull(members, "members");
        list = new ListView<>(members.members());
        list.setId(ids.list());
        Label empty = new Label(placeholder);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        list.setCellFactory(v -> new MemberCell(members, ids, remove));
        ComboBox<String> person = userField(users, members.newMemberProperty(), "Add a person", ids.field());
        person.getEditor().setOnAction(e -> add.run());
        Button addButton = new Button("_Add", new FontIcon(Feather.USER_PLUS));
        addButton.setId(ids.add());
        addButton.setOnAction(e -> add.run());
        HBox.setHgrow(person, Priority.ALWAYS);
        addRow = new HBox(8, person, addButton);
        addRow.setAlignment(Pos.CENTER_LEFT);
    }

    public ListView<String> list() {
        return list;
    }

    public HBox addRow() {
        return addRow;
    }

    /** An editable person picker: typing suggests contacts and directory users; the text is the value. */
    public static ComboBox<String> userField(UserSuggestions users, StringProperty value, String prompt, String id) {
        ComboBox<String> box = new ComboBox<>(users.items());
        box.setId(id);
        box.setEditable(true);
        box.setPromptText(prompt);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPrefWidth(220);
        box.getEditor().textProperty().bindBidirectional(value);
        box.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String uri, boolean empty) {
                super.updateItem(uri, empty);
                String name = empty || uri == null ? null : users.nameOf(uri);
                setText(empty || uri == null ? null : name == null ? uri.replaceFirst("^sips?:", "")
                        : name + "  ·  " + uri.replaceFirst("^sips?:", ""));
            }
        });
        box.getEditor().setOnKeyTyped(e -> users.suggest(box.getEditor().getText()));
        box.setOnShowing(e -> users.suggest(box.getEditor().getText()));
        return box;
    }

    private static final class MemberCell extends ListCell<String> {
        private final MemberList members;
        private final Label name = new Label();
        private final HBox box;

        MemberCell(MemberList members, Ids ids, Consumer<String> remove) {
            this.members = members;
            Button removeButton = new Button(null, new FontIcon(Feather.X));
            removeButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
            removeButton.setAccessibleText(ids.removeText());
            removeButton.setId(ids.remove());
            removeButton.setOnAction(e -> {
                if (getItem() != null) {
                    remove.accept(getItem());
                }
            });
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            box = new HBox(8, name, gap, removeButton);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(String aor, boolean empty) {
            super.updateItem(aor, empty);
            setText(null);
            if (empty || aor == null) {
                setGraphic(null);
            } else {
                name.setText(members.nameOf(aor) + "  ·  " + aor.replaceFirst("^sips?:", ""));
                setGraphic(box);
            }
        }
    }
}
