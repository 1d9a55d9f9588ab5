package org.parley.client.conversation;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.parley.client.settings.SettingsStore;
import org.parley.client.shell.Session;
import org.parley.core.client.FileTransferService;
import org.parley.core.client.MessageOptions;
import org.parley.core.client.PresenceService;
import org.parley.core.client.UcClient;
import org.parley.core.model.ContactCard;
import org.parley.core.model.InstantMessage;
import org.parley.core.model.PresenceInfo;

/**
 * {@link ConversationPort} over the signed-in core client. Names and titles come from the contact cards the client
 * has seen (presence events), then the contact list, then the user part of the address.
 */
public final class CorePort implements ConversationPort, PresenceService.PresenceListener {
    private final Session session;
    private final SettingsStore settings;
    private final Map<String, ContactCard> cards = new HashMap<>();

    public CorePort(Session session, SettingsStore settings) {
        this.session = session;
        this.settings = settings;
    }

    private UcClient client() {
        return session.client();
    }

    @Override
    public String self() {
        return session.aor();
    }

    @Override
    public CompletableFuture<InstantMessage> send(String to, String contentType, String text, MessageOptions options) {
        return client().messaging().send(to, contentType, text, options);
    }

    @Override
    public void typing(String to, boolean active) {
        client().messaging().typing(to, active);
    }

    @Override
    public CompletableFuture<String> createSession(List<String> participants, String subject) {
        return client().messaging().createSession(participants, subject);
    }

    @Override
    public CompletableFuture<Void> invite(String sessionUri, String uri) {
        return client().messaging().invite(sessionUri, uri);
    }

    @Override
    public CompletableFuture<Void> leave(String sessionUri) {
        return client().messaging().leave(sessionUri);
    }

    @Override
    public List<InstantMessage> history(String peerOrSession, int limit) {
        return client().history().conversation(peerOrSession, limit);
    }

    @Override
    public void onPresence(String uri, PresenceInfo presence, ContactCard card) {
        if (card != null) {
            cards.put(uri.toLowerCase(Locale.ROOT), card);
        }
    }

    @Override
    public String name(String uri) {
        if (uri == null) {
            return "";
        }
        if (uri.equalsIgnoreCase(self())) {
            ContactCard own = cards.get(uri.toLowerCase(Locale.ROOT));
            return own != null && own.displayName() != null ? own.displayName() : userPart(uri);
        }
        ContactCard c = cards.get(uri.toLowerCase(Locale.ROOT));
        if (c != null && c.displayName() != null && !c.displayName().isBlank()) {
            return c.displayName();
        }
        return client().contacts().current().contact(uri).map(x -> x.displayName())
                .filter(n -> n != null && !n.isBlank()).orElseGet(() -> userPart(uri));
    }

    /** "sip:bob.smith@x" → "bob.smith"; "tel:+1555" → "+1555". */
    public static String userPart(String uri) {
        String s = uri.replaceFirst("(?i)^(sips?|tel):", "");
        int at = s.indexOf('@');
        return at > 0 ? s.substring(0, at) : s;
    }

    @Override
    public String title(String uri) {
        ContactCard c = cards.get(uri.toLowerCase(Locale.ROOT));
        return c == null ? null : c.title();
    }

    @Override
    public PresenceInfo presence(String uri) {
        return client().presence().of(uri).orElse(PresenceInfo.UNKNOWN);
    }

    @Override
    public FileTransferService files() {
        return client().files();
    }

    @Override
    public Path downloads() {
        String d = settings.load().downloads();
        return d == null || d.isBlank() ? Path.of(System.getProperty("user.home"), "Downloads") : Path.of(d);
    }
}
