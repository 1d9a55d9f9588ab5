package org.parley.client.contacts;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.parley.client.settings.Appearance;
import org.parley.core.model.ContactGroup;

/** The small dialogs of the contact list: add, rename and remove a group, add a phone contact, confirm a removal. */
public final class ContactDialogs {
    private final ContactListViewModel list;
    private final ContactActions actions;
    private final Appearance appearance;
    private final Supplier<Window> owner;

    public ContactDialogs(ContactListViewModel list, ContactActions actions, Appearance appearance,
                          Supplier<Window> owner) {
        this.list = Objects.requireNonNull(list, "list");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.appearance = Objects.requireNonNull(appearance, "appearance");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    private <T> void prepare(Dialog<T> d, String title) {
        d.setTitle(title);
        Window w = owner.get();
        if (w != null) {
            d.initOwner(w);
        }
        DialogPane pane = d.getDialogPane();
        if (pane.getScene() != null) {
            appearance.attach(pane.getScene());
        }
        pane.getStyleClass().add("parley-dialog");
    }

    public void addGroup() {
        TextInputDialog d = new TextInputDialog();
        prepare(d, "Add a group");
        d.setHeaderText("Name of the new group");
        d.getEditor().setId("groupNameField");
        d.showAndWait().map(String::trim).filter(s -> !s.isEmpty()).ifPresent(actions::addGroup);
    }

    public void renameGroup(ContactGroup g) {
        TextInputDialog d = new TextInputDialog(g.name());
        prepare(d, "Rename group");
        d.setHeaderText("New name of \"" + g.name() + "\"");
        d.getEditor().setId("groupNameField");
        d.showAndWait().map(String::trim).filter(s -> !s.isEmpty() && !s.equals(g.name()))
                .ifPresent(n -> actions.renameGroup(g.id(), n));
    }

    public void confirmRemoveGroup(ContactGroup g) {
        if (confirm("Remove group", "Remove the group \"" + g.name() + "\"?",
                "Its contacts stay in your list (under Other Contacts if they are in no other group).")) {
            actions.removeGroup(g.id());
        }
    }

    public void confirmRemove(ContactItem item) {
        if (confirm("Remove contact", "Remove " + item.name() + " from your contact list?",
                "You will no longer see their presence here.")) {
            actions.remove(item);
        }
    }

    private boolean confirm(String title, String header, String text) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        prepare(a, title);
        a.setHeaderText(header);
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    /** Adds a phone number as a contact, in {@code group} (preselected; may be null). */
    public void addPhone(ContactGroup group) {
        Dialog<ButtonType> d = new Dialog<>();
        prepare(d, "Add a phone contact");
        d.setHeaderText("A person you reach by phone number");
        TextField name = new TextField();
        name.setId("phoneNameField");
        TextField number = new TextField();
        number.setId("phoneNumberField");
        number.setPromptText("+1 555 0100");
        ComboBox<ContactGroup> groups = new ComboBox<>();
        groups.getItems().add(null);
        groups.getItems().addAll(list.groups());
        groups.setValue(group);
        groups.setButtonCell(new GroupCell());
        groups.setCellFactory(v -> new GroupCell());
        groups.setMaxWidth(Double.MAX_VALUE);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Number"), number);
        grid.addRow(2, new Label("Group"), groups);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(name.textProperty().isEmpty().or(number.textProperty().isEmpty()));
        name.requestFocus();
        Optional<ButtonType> answer = d.showAndWait();
        if (answer.filter(b -> b == ButtonType.OK).isPresent()) {
            ContactGroup g = groups.getValue();
            actions.addPhone(name.getText().trim(), number.getText().trim(), g == null ? null : g.id());
        }
    }

    private static final class GroupCell extends javafx.scene.control.ListCell<ContactGroup> {
        @Override
        protected void updateItem(ContactGroup g, boolean empty) {
            super.updateItem(g, empty);
            setText(empty ? null : g == null ? "Other Contacts (no group)" : g.name());
        }
    }
}
