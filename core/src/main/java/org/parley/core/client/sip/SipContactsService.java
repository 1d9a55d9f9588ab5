package org.parley.core.client.sip;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sip.message.Request;
import org.parley.core.client.ContactsService;
import org.parley.core.client.DirectoryService;
import org.parley.core.contacts.ServiceCodec;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.ContactCard;
import org.parley.core.model.ContactList;
import org.parley.core.model.DirectoryPage;
import org.parley.core.sip.SipMessages;
import org.parley.core.store.RecentContacts;

/**
 * The server-stored contact list (SERVICE ops, kept current by the {@code parley-contacts} subscription that
 * roams edits from every device), the directory search, and the local recent contacts.
 */
final class SipContactsService implements ContactsService, DirectoryService {
    private final Engine engine;
    private final ServiceClient service;
    private final SubscriptionFactory subscriptions;
    private final Listeners<ContactsListener> listeners;
    private final RecentContacts recent;
    private final Clock clock;
    private final String aor;
    private final String domain;
    private volatile ContactList current = ContactList.EMPTY;
    private SipSubscription roaming;

    SipContactsService(Engine engine, ServiceClient service, SubscriptionFactory subscriptions,
                       Listeners<ContactsListener> listeners, RecentContacts recent, Clock clock, String aor, String domain) {
        this.engine = engine;
        this.service = service;
        this.subscriptions = subscriptions;
        this.listeners = listeners;
        this.recent = recent;
        this.clock = clock;
        this.aor = aor;
        this.domain = domain;
    }

    /** Signed in: subscribe to the list (its first NOTIFY carries it). Engine thread. */
    void start() {
        if (roaming == null) {
            roaming = subscriptions.create(aor, "parley-contacts", Map.of("Accept", ServiceCodec.CONTACTS_CONTENT_TYPE),
                    this::onNotify);
        }
        roaming.start().exceptionally(e -> {
            // no roaming events: at least fetch the list once
            service.call(ServiceCodec.contactsGet()).thenAccept(this::accept).exceptionally(x -> null);
            return null;
        });
    }

    CompletableFuture<Void> stop() {
        return roaming == null ? CompletableFuture.completedFuture(null) : roaming.stop();
    }

    private void onNotify(Request n) {
        accept(ServiceCodec.contactList(SipMessages.text(n)));
    }

    private ContactList accept(ObjectNode answer) {
        return accept(ServiceCodec.contactList(answer));
    }

    private ContactList accept(ContactList list) {
        if (list.version() >= current.version() || current == ContactList.EMPTY) {
            current = list;
            listeners.fire(l -> l.onContactList(list));
        }
        return list;
    }

    private CompletableFuture<ContactList> edit(String json) {
        return engine.call(() -> service.call(json).thenApply(this::accept));
    }

    @Override
    public ContactList current() {
        return current;
    }

    @Override
    public CompletableFuture<ContactList> add(String uri, String groupId) {
        return edit(ServiceCodec.contactsAdd(Uris.normalize(uri, domain), groupId));
    }

    @Override
    public CompletableFuture<ContactList> addPhone(String displayName, String number, String groupId) {
        return edit(ServiceCodec.contactsAddPhone(displayName, number, groupId));
    }

    @Override
    public CompletableFuture<ContactList> remove(String uri) {
        return edit(ServiceCodec.contactsRemove(uri.startsWith("tel:") ? uri : Uris.normalize(uri, domain)));
    }

    @Override
    public CompletableFuture<ContactList> setGroups(String uri, List<String> groupIds) {
        return edit(ServiceCodec.contactsSetGroups(Uris.normalize(uri, domain), groupIds));
    }

    @Override
    public CompletableFuture<ContactList> setTagged(String uri, boolean tagged) {
        return edit(ServiceCodec.contactsSetTagged(Uris.normalize(uri, domain), tagged));
    }

    @Override
    public CompletableFuture<ContactList> setAccessLevel(String uri, AccessLevel level) {
        return edit(ServiceCodec.contactsSetAccessLevel(Uris.normalize(uri, domain), level));
    }

    @Override
    public CompletableFuture<ContactList> addGroup(String name) {
        return edit(ServiceCodec.groupsAdd(name));
    }

    @Override
    public CompletableFuture<ContactList> renameGroup(String groupId, String name) {
        return edit(ServiceCodec.groupsRename(groupId, name));
    }

    @Override
    public CompletableFuture<ContactList> removeGroup(String groupId) {
        return edit(ServiceCodec.groupsRemove(groupId));
    }

    @Override
    public CompletableFuture<ContactList> setGroupAccessLevel(String groupId, AccessLevel level) {
        return edit(ServiceCodec.groupsSetAccessLevel(groupId, level));
    }

    @Override
    public CompletableFuture<List<ContactCard>> expand(String groupUri) {
        return engine.call(() -> service.call(ServiceCodec.groupsExpand(Uris.normalize(groupUri, domain)))
                .thenApply(o -> ServiceCodec.members(ServiceCodec.write(o))));
    }

    @Override
    public List<String> recent() {
        return recent.list();
    }

    /** Someone we just exchanged messages or a call with. */
    void touched(String uri) {
        recent.touch(uri, clock.instant());
    }

    @Override
    public void addListener(ContactsListener listener) {
        listeners.add(listener);
    }

    @Override
    public CompletableFuture<DirectoryPage> search(String query, int page, int pageSize) {
        return engine.call(() -> service.call(ServiceCodec.directorySearch(query, page, pageSize))
                .thenApply(o -> ServiceCodec.directoryPage(ServiceCodec.write(o))));
    }
}
