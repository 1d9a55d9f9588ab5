package org.parley.client.contacts;

import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import org.parley.client.contacts.ContactRow.Entry;
import org.parley.client.contacts.ContactRow.Header;
import org.parley.core.model.ContactKind;

/**
 * The virtualized contact list: one ListView over the flattened rows (only visible cells exist, so 5,000 contacts
 * cost what a screenful does). Enter or double click opens a conversation (or opens/closes a section), F2 renames a
 * group, Delete removes, Left/Right close/open a section, the context-menu key or right click opens the menu, and a
 * contact can be dragged out (its URI as text and as {@link ContactDrag#FORMAT}) or onto a group header to move it.
 */
public final class ContactListView {
    private final ContactListViewModel vm;
    private final ContactActions actions;
    private final ContactDialogs dialogs;
    private final ContactMenus menus;
    private final ListView<ContactRow> list = new ListView<>();
    private String selectedKey;
    private Entry dragged;
    private ContextMenu showing;
    private boolean menuEventSeen;

    /**
     * Rows share one height, derived from the font size: a virtual flow of fixed-size cells never measures rows, so
     * replacing 5,000 rows costs what the visible ones do.
     */
    static double rowHeight(double fontSize) {
        return Math.ceil(fontSize * 3.25);
    }

    public ContactListView(ContactListViewModel vm, ContactActions actions, ContactDialogs dialogs,
                           javafx.beans.value.ObservableNumberValue fontSize) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.menus = new ContactMenus(vm, actions, dialogs);
        list.setId("contactList");
        list.getStyleClass().add("contact-list");
        list.setAccessibleText("Contacts");
        list.setItems(vm.rows());
        list.setPlaceholder(new Label("No contacts yet. Search the directory above to add people."));
        list.setCellFactory(v -> cell());
        list.setFixedCellSize(rowHeight(fontSize.doubleValue()));
        fontSize.addListener((obs, old, now) -> list.setFixedCellSize(rowHeight(now.doubleValue())));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!vm.isUpdating()) {
                selectedKey = now == null ? null : now.key();
            }
        });
        vm.rows().addListener((ListChangeListener<ContactRow>) c -> reselect());
        list.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        list.setOnContextMenuRequested(this::onContextMenu);
        // Platforms without a menu event for the right button (headless Monocle): open it on release instead.
        list.addEventFilter(MouseEvent.MOUSE_PRESSED, m -> menuEventSeen = false);
        list.addEventHandler(MouseEvent.MOUSE_RELEASED, m -> {
            if (m.getButton() == MouseButton.SECONDARY && !menuEventSeen) {
                selectUnder(m.getPickResult().getIntersectedNode());
                showMenu(m.getScreenX(), m.getScreenY());
            }
        });
    }

    public ListView<ContactRow> root() {
        return list;
    }

    private void reselect() {
        if (selectedKey == null) {
            return;
        }
        for (int i = 0; i < vm.rows().size(); i++) {
            if (vm.rows().get(i).key().equals(selectedKey)) {
                if (list.getSelectionModel().getSelectedIndex() != i) {
                    list.getSelectionModel().clearAndSelect(i);
                    list.getFocusModel().focus(i);
                }
                return;
            }
        }
    }

    /** Moves the keyboard into the list on its first contact (the search box's Down key). */
    public void focusFirstContact() {
        list.requestFocus();
        for (int i = 0; i < vm.rows().size(); i++) {
            if (vm.rows().get(i) instanceof Entry) {
                list.getSelectionModel().clearAndSelect(i);
                list.getFocusModel().focus(i);
                list.scrollTo(i);
                return;
            }
        }
    }

    /** Opens the first matching contact (Enter in the search box). */
    public boolean openFirstContact() {
        for (ContactRow r : vm.rows()) {
            if (r instanceof Entry e) {
                activate(e);
                return true;
            }
        }
        return false;
    }

    private ContactRow selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    private void activate(ContactRow row) {
        if (row instanceof Header h) {
            vm.toggle(h.key());
        } else if (row instanceof Entry e) {
            if (e.item().kind() == ContactKind.DISTRIBUTION_GROUP && !e.member()) {
                vm.toggleMembers(e.item());
            } else {
                actions.open(e.item());
            }
        }
    }

    private void onKey(KeyEvent k) {
        ContactRow row = selected();
        if (row == null) {
            return;
        }
        KeyCode code = k.getCode();
        if (code == KeyCode.CONTEXT_MENU || code == KeyCode.F10 && k.isShiftDown()) {
            menuFromKeyboard();
            k.consume();
            return;
        }
        boolean plain = !k.isControlDown() && !k.isAltDown() && !k.isMetaDown() && !k.isShiftDown();
        if (code == KeyCode.ENTER && plain) {
            activate(row);
            k.consume();
        } else if (code == KeyCode.DELETE && plain) {
            if (row instanceof Entry e && e.item().contact() != null && !e.member()) {
                dialogs.confirmRemove(e.item());
            } else if (row instanceof Header h && h.group() != null) {
                dialogs.confirmRemoveGroup(h.group());
            }
            k.consume();
        } else if (code == KeyCode.F2 && plain && row instanceof Header h && h.group() != null) {
            dialogs.renameGroup(h.group());
            k.consume();
        } else if ((code == KeyCode.LEFT || code == KeyCode.RIGHT) && plain && row instanceof Header h) {
            if (h.collapsed() == (code == KeyCode.RIGHT)) {
                vm.toggle(h.key());
            }
            k.consume();
        } else if (code == KeyCode.RIGHT && plain && row instanceof Entry e && !e.expanded()
                && e.item().kind() == ContactKind.DISTRIBUTION_GROUP) {
            vm.toggleMembers(e.item());
            k.consume();
        }
    }

    private void onContextMenu(ContextMenuEvent e) {
        menuEventSeen = true;
        if (!e.isKeyboardTrigger()) {
            selectUnder(e.getPickResult().getIntersectedNode());
        }
        showMenu(e.getScreenX(), e.getScreenY());
        e.consume();
    }

    /** The context-menu key or Shift+F10: the menu of the selected row, at that row. */
    private void menuFromKeyboard() {
        int index = list.getSelectionModel().getSelectedIndex();
        javafx.scene.Node at = list.lookupAll(".contact-cell").stream()
                .filter(n -> n instanceof ContactCell c && c.getIndex() == index).findFirst().orElse(list);
        javafx.geometry.Bounds b = at.localToScreen(at.getBoundsInLocal());
        showMenu(b.getMinX() + 24, b.getMaxY());
    }

    private void showMenu(double x, double y) {
        ContactRow row = selected();
        if (showing != null) {
            showing.hide();
        }
        showing = row instanceof Entry en ? menus.forEntry(en) : row instanceof Header h ? menus.forHeader(h) : null;
        if (showing != null) {
            showing.show(list, x, y);
        }
    }

    /** A right click selects the row it lands on first, so the menu is about that row. */
    private void selectUnder(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null && n != list; n = n.getParent()) {
            if (n instanceof ContactCell c && c.getItem() != null) {
                list.getSelectionModel().clearAndSelect(c.getIndex());
                list.getFocusModel().focus(c.getIndex());
                return;
            }
        }
    }

    private ContactCell cell() {
        ContactCell cell = new ContactCell((item, at) -> {
            ContextMenu m = new ContextMenu(menus.addMenu(item).getItems().toArray(new javafx.scene.control.MenuItem[0]));
            m.getStyleClass().add("contact-menu");
            javafx.geometry.Bounds b = at.localToScreen(at.getBoundsInLocal());
            if (showing != null) {
                showing.hide();
            }
            showing = m;
            m.show(at, b.getMinX(), b.getMaxY());
        });
        cell.setOnMouseClicked(m -> {
            ContactRow row = cell.getItem();
            if (m.getButton() != MouseButton.PRIMARY || row == null) {
                return;
            }
            if (row instanceof Header && m.getClickCount() == 1 || row instanceof Entry && m.getClickCount() == 2) {
                activate(row);
            }
        });
        cell.setOnDragDetected(m -> {
            if (cell.getItem() instanceof Entry e && e.item().kind() != ContactKind.DISTRIBUTION_GROUP) {
                Dragboard db = cell.startDragAndDrop(TransferMode.COPY_OR_MOVE);
                db.setContent(ContactDrag.content(e.item().uri()));
                dragged = e;
                m.consume();
            }
        });
        cell.setOnDragDone(d -> dragged = null);
        cell.setOnDragOver(d -> {
            if (dragged != null && cell.getItem() instanceof Header h && h.group() != null
                    && d.getDragboard().hasContent(ContactDrag.FORMAT)) {
                d.acceptTransferModes(TransferMode.MOVE);
                d.consume();
            }
        });
        cell.setOnDragDropped(d -> {
            if (dragged != null && cell.getItem() instanceof Header h && h.group() != null) {
                if (dragged.item().contact() != null) {
                    actions.moveToGroup(dragged.item(), dragged.groupId(), h.group().id());
                } else {
                    actions.addToGroup(dragged.item(), h.group().id());
                }
                d.setDropCompleted(true);
                d.consume();
            }
        });
        return cell;
    }
}
