package org.parley.client.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.parley.client.shell.Navigator;
import org.parley.core.client.ContactsService;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.Contact;
import org.parley.core.model.ContactCard;
import org.parley.core.model.ContactList;

/**
 * What the contact list's menus and keys do: open a conversation or card, and edit the server-stored list (the new
 * list comes back as an event and the rows follow). A failed edit shows in the list's status line.
 */
public final class ContactActions {
    private final ContactListViewModel list;
    private final Navigator navigator;
    private final Consumer<String> browser;

    /** {@code browser} opens a URI with the desktop (mailto: links); HostServices in the app. */
    public ContactActions(ContactListViewModel list, Navigator navigator, Consumer<String> browser) {
        this.list = Objects.requireNonNull(list, "list");
        this.navigator = Objects.requireNonNull(navigator, "navigator");
        this.browser = Objects.requireNonNull(browser, "browser");
    }

    private ContactsService contacts() {
        return list.client().contacts();
    }

    public void open(ContactItem item) {
        navigator.openConversation(item.uri());
    }

    /** Calls the person or phone number (the call window opens). */
    public void call(ContactItem item) {
        navigator.call(item.uri());
    }

    /** Brings up the window of my call with this person. */
    public void showCall(ContactItem item) {
        navigator.showCall(item.uri());
    }

    public void showCard(ContactItem item) {
        navigator.showContactCard(item.uri());
    }

    public void showHistory(ContactItem item) {
        navigator.showHistory(item.uri());
    }

    /** The contact's e-mail address when the server let me see one, else null. */
    public String email(ContactItem item) {
        ContactCard c = item.card();
        return c == null || c.email() == null || c.email().isBlank() ? null : c.email();
    }

    public void sendEmail(ContactItem item) {
        String e = email(item);
        if (e != null) {
            browser.accept("mailto:" + e);
        }
    }

    public CompletableFuture<ContactList> setTagged(ContactItem item, boolean tagged) {
        return watch(contacts().setTagged(item.uri(), tagged), (tagged ? "Cannot tag " : "Cannot untag ") + item.name());
    }

    /** null: automatic (the contact follows its groups or the default). */
    public CompletableFuture<ContactList> setAccessLevel(ContactItem item, AccessLevel level) {
        return watch(contacts().setAccessLevel(item.uri(), level), "Cannot change the access level of " + item.name());
    }

    /** Moves a contact out of {@code fromGroupId} (null: from no group) into {@code toGroupId}. */
    public CompletableFuture<ContactList> moveToGroup(ContactItem item, String fromGroupId, String toGroupId) {
        List<String> groups = new ArrayList<>(groupsOf(item));
        if (fromGroupId != null) {
            groups.remove(fromGroupId);
        }
        if (!groups.contains(toGroupId)) {
            groups.add(toGroupId);
        }
        return watch(contacts().setGroups(item.uri(), groups), "Cannot move " + item.name());
    }

    public CompletableFuture<ContactList> copyToGroup(ContactItem item, String groupId) {
        List<String> groups = new ArrayList<>(groupsOf(item));
        if (groups.contains(groupId)) {
            return CompletableFuture.completedFuture(list.list());
        }
        groups.add(groupId);
        return watch(contacts().setGroups(item.uri(), groups), "Cannot copy " + item.name());
    }

    private static List<String> groupsOf(ContactItem item) {
        Contact c = item.contact();
        return c == null ? List.of() : c.groupIds();
    }

    public CompletableFuture<ContactList> remove(ContactItem item) {
        return watch(contacts().remove(item.uri()), "Cannot remove " + item.name());
    }

    /** Adds a directory result (or anyone) to my list, in {@code groupId} (null: no group). */
    public CompletableFuture<ContactList> addToGroup(ContactItem item, String groupId) {
        if (item.contact() != null && groupId != null) {
            return copyToGroup(item, groupId);
        }
        return watch(contacts().add(item.uri(), groupId), "Cannot add " + item.name());
    }

    public CompletableFuture<ContactList> addPhone(String name, String number, String groupId) {
        return watch(contacts().addPhone(name, number, groupId), "Cannot add the phone number " + number);
    }

    public CompletableFuture<ContactList> addGroup(String name) {
        return watch(contacts().addGroup(name), "Cannot add the group " + name);
    }

    public CompletableFuture<ContactList> renameGroup(String groupId, String name) {
        return watch(contacts().renameGroup(groupId, name), "Cannot rename the group");
    }

    public CompletableFuture<ContactList> removeGroup(String groupId) {
        return watch(contacts().removeGroup(groupId), "Cannot remove the group");
    }

    public CompletableFuture<ContactList> setGroupAccessLevel(String groupId, AccessLevel level) {
        return watch(contacts().setGroupAccessLevel(groupId, level), "Cannot change the group's access level");
    }

    private CompletableFuture<ContactList> watch(CompletableFuture<ContactList> edit, String what) {
        list.statusProperty().set("");
        edit.exceptionally(e -> {
            list.fail(what, e);
            return null;
        });
        return edit;
    }
}
