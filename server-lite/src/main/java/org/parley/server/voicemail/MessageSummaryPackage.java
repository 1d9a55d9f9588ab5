package org.parley.server.voicemail;

import java.util.Locale;
import java.util.function.Predicate;
import javax.sip.address.SipURI;
import javax.sip.message.Request;
import org.parley.server.events.EventPackage;
import org.parley.server.events.Subscription;
import org.parley.server.policy.Aors;
import org.parley.server.transport.LocalDomain;

/**
 * Message-waiting indication (RFC 3842, event package {@code message-summary}): a user subscribes to their own
 * address and gets {@code Messages-Waiting: yes|no}, {@code Message-Account} and {@code Voice-Message: new/old (0/0)};
 * every deposit, heard change and deletion sends a NOTIFY. Only the owner may subscribe (403 otherwise).
 */
public final class MessageSummaryPackage implements EventPackage {
    public static final String EVENT = "message-summary";
    public static final String CONTENT_TYPE = "application/simple-message-summary";

    private final LocalDomain domain;
    private final Predicate<String> userExists;
    private final VoicemailStore store;

    public MessageSummaryPackage(LocalDomain domain, Predicate<String> userExists, VoicemailStore store) {
        this.domain = domain;
        this.userExists = userExists;
        this.store = store;
    }

    @Override
    public String name() {
        return EVENT;
    }

    @Override
    public String resourceKey(SipURI requestUri) {
        String user = requestUri.getUser();
        if (user == null || !domain.isLocalHost(requestUri.getHost())) {
            return null;
        }
        user = user.toLowerCase(Locale.ROOT);
        return userExists.test(user) ? user : null;
    }

    @Override
    public Refusal admit(String subscriber, String resourceKey, Request subscribe) {
        return subscriber.equals(resourceKey) ? null : Refusal.of(403, "Only the owner may watch a mailbox");
    }

    @Override
    public Body body(Subscription subscription, boolean full) {
        return Body.utf8(CONTENT_TYPE, summary(subscription.resourceKey()));
    }

    String summary(String owner) {
        VoicemailStore.Counts c = store.counts(owner);
        return "Messages-Waiting: " + (c.newMessages() > 0 ? "yes" : "no") + "\r\n"
                + "Message-Account: " + Aors.of(owner, domain.domain()) + "\r\n"
                + "Voice-Message: " + c.newMessages() + "/" + c.oldMessages() + " (0/0)\r\n";
    }
}
