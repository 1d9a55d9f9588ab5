package org.parley.core.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.ContactCard;
import org.parley.core.model.ContactList;

/** The server-stored contact list (roams between devices) and the recent contacts (local). */
public interface ContactsService {

    /** The list as last received from the server (empty before sign-in). */
    ContactList current();

    CompletableFuture<ContactList> add(String uri, String groupId);

    /** A phone-number contact: {@code number} in any common notation, stored as a tel: URI. */
    CompletableFuture<ContactList> addPhone(String displayName, String number, String groupId);

    CompletableFuture<ContactList> remove(String uri);

    CompletableFuture<ContactList> setGroups(String uri, List<String> groupIds);

    CompletableFuture<ContactList> setTagged(String uri, boolean tagged);

    /** null clears the contact's own level (it then follows its groups or the default). */
    CompletableFuture<ContactList> setAccessLevel(String uri, AccessLevel level);

    CompletableFuture<ContactList> addGroup(String name);

    CompletableFuture<ContactList> renameGroup(String groupId, String name);

    CompletableFuture<ContactList> removeGroup(String groupId);

    CompletableFuture<ContactList> setGroupAccessLevel(String groupId, AccessLevel level);

    /** Members of a distribution group. */
    CompletableFuture<List<ContactCard>> expand(String groupUri);

    /** The last 10 people this user exchanged messages or calls with, newest first. */
    List<String> recent();

    void addListener(ContactsListener listener);

    interface ContactsListener {
        void onContactList(ContactList list);
    }
}
