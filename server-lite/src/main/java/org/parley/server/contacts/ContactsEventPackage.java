package org.parley.server.contacts;

import java.util.Locale;
import java.util.function.Consumer;
import javax.sip.address.SipURI;
import javax.sip.message.Request;
import org.parley.core.contacts.ServiceCodec;
import org.parley.server.events.EventPackage;
import org.parley.server.events.Subscription;
import org.parley.server.policy.ContactListEvents;
import org.parley.server.transport.LocalDomain;

/**
 * The {@code parley-contacts} event package (roaming contact lists): only alice may subscribe to
 * {@code sip:alice@D}; every NOTIFY carries her whole list ({@code application/vnd.parley.contacts+json}). It
 * listens to list changes and tells the subscription manager ({@code changed}, given at construction) whose list
 * changed, so every device of the owner gets the new list.
 */
public final class ContactsEventPackage implements EventPackage, ContactListEvents.Listener {
    public static final String NAME = "parley-contacts";

    private final ContactLists lists;
    private final LocalDomain domain;
    private final Consumer<String> changed;

    /** @param changed called with the owner's user name after each change (e.g. {@code SubscriptionManager.changed}) */
    public ContactsEventPackage(ContactLists lists, LocalDomain domain, Consumer<String> changed) {
        this.lists = lists;
        this.domain = domain;
        this.changed = changed;
        lists.addListener(this);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String resourceKey(SipURI requestUri) {
        String user = requestUri.getUser();
        if (user == null || user.indexOf('~') >= 0 || !domain.isLocalHost(requestUri.getHost())) {
            return null;
        }
        return user.toLowerCase(Locale.ROOT);
    }

    @Override
    public Refusal admit(String subscriber, String resourceKey, Request subscribe) {
        return subscriber.equals(resourceKey) ? null : Refusal.of(403, "Only the owner may subscribe to a contact list");
    }

    @Override
    public Body body(Subscription subscription, boolean full) {
        return Body.utf8(ServiceCodec.CONTACTS_CONTENT_TYPE,
                ServiceCodec.write(ServiceCodec.toJson(lists.get(subscription.resourceKey()))));
    }

    @Override
    public void onContactListChanged(String owner) {
        changed.accept(owner);
    }
}
