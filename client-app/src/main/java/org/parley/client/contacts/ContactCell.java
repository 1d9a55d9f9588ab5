package org.parley.client.contacts;

import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.client.contacts.ContactRow.Entry;
import org.parley.client.contacts.ContactRow.Header;
import org.parley.client.contacts.ContactRow.Hint;
import org.parley.client.widgets.PresenceDot;
import org.parley.core.model.ContactKind;
import org.parley.core.model.DeviceKind;
import org.parley.core.model.PresenceInfo;

/**
 * One row of the contact list. A contact row follows its item's presence and name while shown (listeners move with
 * the cell as it is reused), so a presence event repaints one cell and nothing else.
 */
final class ContactCell extends ListCell<ContactRow> {
    // header
    private final FontIcon chevron = new FontIcon(Feather.CHEVRON_DOWN);
    private final Label headerTitle = new Label();
    private final Label headerCount = new Label();
    private final HBox header;
    // contact
    private final PresenceDot dot = new PresenceDot();
    private final FontIcon kindIcon = new FontIcon(Feather.PHONE);
    private final StackPane lead = new StackPane();
    private final Label name = new Label();
    private final Label state = new Label();
    private final Label note = new Label();
    private final FontIcon device = new FontIcon(Feather.MONITOR);
    private final HBox contact;
    // hint
    private final Label hint = new Label();

    private final javafx.scene.control.Button add = new javafx.scene.control.Button(null, new FontIcon(Feather.USER_PLUS));
    private final InvalidationListener repaint = obs -> paintEntry();
    private ContactItem shown;
    private String kindClass;
    private org.parley.core.model.Availability dotShows = org.parley.core.model.Availability.UNKNOWN;

    /** {@code onAdd} opens the "Add to group" menu of a directory result at the given button. */
    ContactCell(java.util.function.BiConsumer<ContactItem, javafx.scene.Node> onAdd) {
        getStyleClass().add("contact-cell");
        // as wide as the list, never wider: long names and notes end in an ellipsis instead of a horizontal scroll bar
        setPrefWidth(0);
        chevron.getStyleClass().add("contact-group-chevron");
        headerTitle.getStyleClass().add("contact-group-title");
        headerCount.getStyleClass().add("contact-group-count");
        header = new HBox(8, chevron, headerTitle, headerCount);
        header.setMinWidth(0);
        headerTitle.setMinWidth(0);
        headerCount.setMinWidth(Region.USE_PREF_SIZE);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("contact-group-header");

        kindIcon.getStyleClass().add("contact-kind-icon");
        lead.getChildren().addAll(dot, kindIcon);
        lead.setMinWidth(16);
        lead.setPrefWidth(16);
        name.getStyleClass().add("contact-name");
        name.setMinWidth(0);
        state.getStyleClass().add("contact-state");
        state.setMinWidth(Region.USE_PREF_SIZE);
        note.getStyleClass().add("contact-note");
        note.setMinWidth(0);
        HBox.setHgrow(note, Priority.ALWAYS);
        HBox second = new HBox(8, state, note);
        second.setAlignment(Pos.CENTER_LEFT);
        VBox text = new VBox(0, name, second);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        device.getStyleClass().add("contact-device");
        add.getStyleClass().addAll("flat", "button-icon", "contact-add");
        add.setAccessibleText("Add to group");
        add.setTooltip(new javafx.scene.control.Tooltip("Add to group…"));
        add.setFocusTraversable(false);
        add.setOnAction(e -> {
            if (shown != null) {
                onAdd.accept(shown, add);
            }
        });
        contact = new HBox(8, lead, text, device, add);
        contact.setMinWidth(0);
        contact.setAlignment(Pos.CENTER_LEFT);
        contact.getStyleClass().add("contact-row");
        hint.getStyleClass().add("contact-hint");
        hint.setWrapText(false);
        hint.setMinWidth(0);
    }

    @Override
    protected void updateItem(ContactRow row, boolean empty) {
        super.updateItem(row, empty);
        setText(null);
        if (empty || row == null) {
            follow(null);
            kind(null);
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        if (row instanceof Header h) {
            follow(null);
            kind("contact-cell-header");
            chevron.setIconCode(h.collapsed() ? Feather.CHEVRON_RIGHT : Feather.CHEVRON_DOWN);
            headerTitle.setText(h.title());
            headerCount.setText("(" + h.countText() + ")");
            graphic(header);
            setAccessibleText(h.title() + ", " + h.countText() + (h.collapsed() ? ", collapsed" : ""));
        } else if (row instanceof Entry e) {
            kind(e.member() ? "contact-cell-member" : "contact-cell-entry");
            boolean result = e.section() == ContactRow.Section.DIRECTORY;
            add.setVisible(result);
            add.setManaged(result);
            follow(e.item());
            paintEntry();
            graphic(contact);
        } else if (row instanceof Hint h) {
            follow(null);
            kind("contact-cell-hint");
            hint.setText(h.text());
            graphic(hint);
            setAccessibleText(h.text());
        }
    }

    /** Listens to {@code item} (and no longer to the one shown before); nothing changes for the same item. */
    private void follow(ContactItem item) {
        if (item == shown) {
            return;
        }
        if (shown != null) {
            shown.presenceProperty().removeListener(repaint);
            shown.nameProperty().removeListener(repaint);
            shown.callStateProperty().removeListener(repaint);
        }
        shown = item;
        if (item != null) {
            item.presenceProperty().addListener(repaint);
            item.nameProperty().addListener(repaint);
            item.callStateProperty().addListener(repaint);
        }
    }

    /** Switches the row-kind style class only when it changes (a class change restyles the whole cell). */
    private void kind(String styleClass) {
        if (java.util.Objects.equals(styleClass, kindClass)) {
            return;
        }
        if (kindClass != null) {
            getStyleClass().remove(kindClass);
        }
        kindClass = styleClass;
        if (styleClass != null) {
            getStyleClass().add(styleClass);
        }
    }

    private void graphic(javafx.scene.Node g) {
        if (getGraphic() != g) {
            setGraphic(g);
        }
    }

    private void paintEntry() {
        ContactItem i = shown;
        if (i == null) {
            return;
        }
        PresenceInfo p = i.presence();
        boolean user = i.kind() == ContactKind.USER;
        dot.setVisible(user);
        kindIcon.setVisible(!user);
        if (!user) {
            kindIcon.setIconCode(i.kind() == ContactKind.PHONE ? Feather.PHONE : Feather.USERS);
        }
        if (i.availability() != dotShows) {
            dotShows = i.availability();
            dot.setAvailability(dotShows);
        }
        name.setText(i.name());
        String call = i.callState();
        state.setText(call != null ? call : i.stateText());
        boolean styled = state.getStyleClass().contains("contact-call-state");
        if (styled != (call != null)) { // a class change restyles: only when it changes
            if (call != null) {
                state.getStyleClass().add("contact-call-state");
            } else {
                state.getStyleClass().remove("contact-call-state");
            }
        }
        String n = user && p.note() != null ? p.note() : "";
        note.setText(n);
        note.setVisible(!n.isEmpty());
        DeviceKind d = user ? i.mainDevice() : null;
        device.setVisible(d != null);
        device.setManaged(d != null);
        String deviceText = "";
        if (d != null) {
            device.setIconCode(d == DeviceKind.DESKTOP ? Feather.MONITOR : d == DeviceKind.MOBILE ? Feather.SMARTPHONE
                    : Feather.PHONE);
            deviceText = p.phoneOnly() ? "phone only" : "on " + d.wireName();
            Tooltips.set(device, deviceText);
        }
        setAccessibleText(i.name() + ", " + (call != null ? call + ", " : "") + i.stateText() + (n.isEmpty() ? "" : ", " + n)
                + (deviceText.isEmpty() ? "" : ", " + deviceText));
    }
}
