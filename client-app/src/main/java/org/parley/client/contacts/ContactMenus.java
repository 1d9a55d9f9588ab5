package org.parley.client.contacts;

import java.util.List;
import java.util.Objects;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.client.contacts.ContactRow.Entry;
import org.parley.client.contacts.ContactRow.Header;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.Contact;
import org.parley.core.model.ContactGroup;
import org.parley.core.model.ContactKind;

/** The right-click menus of the contact list: one for a contact, one for a group header. */
final class ContactMenus {
    private final ContactListViewModel list;
    private final ContactActions actions;
    private final ContactDialogs dialogs;

    ContactMenus(ContactListViewModel list, ContactActions actions, ContactDialogs dialogs) {
        this.list = Objects.requireNonNull(list, "list");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
    }

    ContextMenu forEntry(Entry row) {
        ContactItem item = row.item();
        ContextMenu menu = new ContextMenu();
        menu.getStyleClass().add("contact-menu");
        boolean dg = item.kind() == ContactKind.DISTRIBUTION_GROUP;
        MenuItem im = item("Send an _IM", Feather.MESSAGE_SQUARE, () -> actions.open(item));
        im.setAccelerator(new KeyCodeCombination(KeyCode.ENTER));
        im.setId("menuSendIm");
        im.setStyle("-fx-font-weight: bold;");
        MenuItem call = item.callState() != null
                ? item("Show the _call (" + item.callState() + ")", Feather.PHONE_CALL, () -> actions.showCall(item))
                : item("_Call", Feather.PHONE_CALL, () -> actions.call(item));
        call.setId("menuCall");
        call.setDisable(dg);
        MenuItem mail = item("Send an _e-mail", Feather.MAIL, () -> actions.sendEmail(item));
        mail.setDisable(actions.email(item) == null);
        menu.getItems().addAll(im, call, mail);
        if (dg) {
            MenuItem members = item(row.expanded() ? "Hide _members" : "Show _members", Feather.USERS,
                    () -> list.toggleMembers(item));
            menu.getItems().add(members);
        }
        menu.getItems().add(new SeparatorMenuItem());
        Contact c = item.contact();
        if (c != null) {
            CheckMenuItem tag = new CheckMenuItem("_Tag for status-change alerts");
            tag.setId("menuTag");
            tag.setSelected(c.tagged());
            tag.setDisable(item.kind() != ContactKind.USER);
            tag.setOnAction(e -> actions.setTagged(item, tag.isSelected()));
            menu.getItems().addAll(tag, accessMenu(item, c), groupMenu("_Move to group", item, row.groupId(), true),
                    groupMenu("C_opy to group", item, row.groupId(), false));
            MenuItem remove = item("_Remove from contact list", Feather.USER_MINUS, () -> dialogs.confirmRemove(item));
            remove.setAccelerator(new KeyCodeCombination(KeyCode.DELETE));
            remove.setId("menuRemove");
            menu.getItems().addAll(remove, new SeparatorMenuItem());
        } else {
            menu.getItems().addAll(addMenu(item), new SeparatorMenuItem());
        }
        MenuItem card = item("View contact _card", Feather.CREDIT_CARD, () -> actions.showCard(item));
        card.setId("menuCard");
        MenuItem history = item("_History with this contact", Feather.CLOCK, () -> actions.showHistory(item));
        menu.getItems().addAll(card, history);
        return menu;
    }

    private Menu accessMenu(ContactItem item, Contact c) {
        Menu m = new Menu("Change _access level");
        m.setId("menuAccess");
        ToggleGroup toggle = new ToggleGroup();
        RadioMenuItem auto = new RadioMenuItem("Automatic" + (c.accessLevel() == null && c.effectiveLevel() != null
                ? " (" + title(c.effectiveLevel()) + ")" : ""));
        auto.setToggleGroup(toggle);
        auto.setSelected(c.accessLevel() == null);
        auto.setOnAction(e -> actions.setAccessLevel(item, null));
        m.getItems().add(auto);
        for (AccessLevel l : List.of(AccessLevel.PERSONAL, AccessLevel.TEAM, AccessLevel.COMPANY, AccessLevel.PUBLIC,
                AccessLevel.BLOCKED)) {
            RadioMenuItem r = new RadioMenuItem(title(l));
            r.setId("access-" + l.wireName());
            r.setToggleGroup(toggle);
            r.setSelected(l == c.accessLevel());
            r.setOnAction(e -> actions.setAccessLevel(item, l));
            m.getItems().add(r);
        }
        return m;
    }

    static String title(AccessLevel l) {
        String w = l.wireName();
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private Menu groupMenu(String text, ContactItem item, String fromGroupId, boolean move) {
        Menu m = new Menu(text);
        Contact c = item.contact();
        for (ContactGroup g : list.groups()) {
            MenuItem gi = new MenuItem(g.name());
            gi.setMnemonicParsing(false);
            gi.setDisable(c != null && c.groupIds().contains(g.id()));
            gi.setOnAction(e -> {
                if (move) {
                    actions.moveToGroup(item, fromGroupId, g.id());
                } else {
                    actions.copyToGroup(item, g.id());
                }
            });
            m.getItems().add(gi);
        }
        m.setDisable(m.getItems().isEmpty());
        return m;
    }

    /** "Add to contact list" with a group to choose, for people not in my list yet (search results, recent). */
    Menu addMenu(ContactItem item) {
        Menu m = new Menu("_Add to group");
        m.setId("menuAddToGroup");
        m.setGraphic(new FontIcon(Feather.USER_PLUS));
        for (ContactGroup g : list.groups()) {
            MenuItem gi = new MenuItem(g.name());
            gi.setMnemonicParsing(false);
            gi.setOnAction(e -> actions.addToGroup(item, g.id()));
            m.getItems().add(gi);
        }
        MenuItem none = new MenuItem("Other Contacts (no group)");
        none.setId("addToNoGroup");
        none.setOnAction(e -> actions.addToGroup(item, null));
        m.getItems().add(none);
        return m;
    }

    ContextMenu forHeader(Header h) {
        ContextMenu menu = new ContextMenu();
        menu.getStyleClass().add("contact-menu");
        MenuItem toggle = item(h.collapsed() ? "E_xpand" : "Colla_pse", h.collapsed() ? Feather.CHEVRON_DOWN
                : Feather.CHEVRON_RIGHT, () -> list.toggle(h.key()));
        menu.getItems().add(toggle);
        ContactGroup g = h.group();
        if (g != null) {
            MenuItem rename = item("Re_name group…", Feather.EDIT_2, () -> dialogs.renameGroup(g));
            rename.setAccelerator(new KeyCodeCombination(KeyCode.F2));
            rename.setId("menuRenameGroup");
            MenuItem remove = item("_Remove group", Feather.TRASH_2, () -> dialogs.confirmRemoveGroup(g));
            remove.setAccelerator(new KeyCodeCombination(KeyCode.DELETE));
            Menu access = new Menu("Group _access level");
            ToggleGroup tg = new ToggleGroup();
            RadioMenuItem none = new RadioMenuItem("None (members' own or default)");
            none.setToggleGroup(tg);
            none.setSelected(g.accessLevel() == null);
            none.setOnAction(e -> actions.setGroupAccessLevel(g.id(), null));
            access.getItems().add(none);
            for (AccessLevel l : List.of(AccessLevel.PERSONAL, AccessLevel.TEAM, AccessLevel.COMPANY,
                    AccessLevel.PUBLIC, AccessLevel.BLOCKED)) {
                RadioMenuItem r = new RadioMenuItem(title(l));
                r.setToggleGroup(tg);
                r.setSelected(l == g.accessLevel());
                r.setOnAction(e -> actions.setGroupAccessLevel(g.id(), l));
                access.getItems().add(r);
            }
            menu.getItems().addAll(rename, remove, access);
        }
        menu.getItems().addAll(new SeparatorMenuItem(),
                item("Add a _group…", Feather.FOLDER_PLUS, dialogs::addGroup),
                item("Add a _phone contact…", Feather.PHONE, () -> dialogs.addPhone(g)));
        return menu;
    }

    private static MenuItem item(String text, Feather icon, Runnable action) {
        MenuItem m = new MenuItem(text, new FontIcon(icon));
        m.setOnAction(e -> action.run());
        return m;
    }
}
