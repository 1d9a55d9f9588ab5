package org.parley.client.call;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.UcClient;
import org.parley.core.model.ContactCard;
import org.parley.core.model.DirectoryEntry;

/**
 * Who is on the other end of a call, for the call window and the incoming-call toast: the contact list's name,
 * else the directory's card (looked up once per peer), else the display name the SIP headers carried, else the
 * address itself. Call on the JavaFX application thread (the client's events arrive there).
 */
public final class PeerNames {
    private final UcClient client;
    private final Map<String, CompletableFuture<ContactCard>> directory = new ConcurrentHashMap<>();

    public PeerNames(UcClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The name to show for the peer of {@code call} now (a directory answer may improve it later). */
    public String name(Call call) {
        String uri = call.peer();
        String listed = uri == null ? null : client.contacts().current().contact(uri).map(c -> c.displayName())
                .filter(PeerNames::present).orElse(null);
        if (listed != null) {
            return listed;
        }
        ContactCard card = known(uri);
        if (card != null && present(card.displayName())) {
            return card.displayName();
        }
        if (present(call.peerName())) {
            return call.peerName();
        }
        return uri == null ? "Unknown caller" : address(uri);
    }

    /**
     * The name to show for any user (a delegated call's manager, a delegate): contact list, then a directory card
     * already looked up, then the bare address.
     */
    public String nameOf(String uri) {
        if (uri == null) {
            return null;
        }
        String listed = client.contacts().current().contact(uri).map(c -> c.displayName())
                .filter(PeerNames::present).orElse(null);
        if (listed != null) {
            return listed;
        }
        ContactCard card = known(uri);
        return card != null && present(card.displayName()) ? card.displayName() : address(uri);
    }

    /** The peer's job title from the contact card or the directory, or null. */
    public String title(Call call) {
        ContactCard card = call.peer() == null ? null : known(call.peer());
        return card == null || !present(card.title()) ? null : card.title();
    }

    /**
     * The directory's card of {@code uri} (searched by its user part, matched by address), or null when the
     * directory has none; cached per peer. Phone numbers are not looked up.
     */
    public CompletableFuture<ContactCard> lookup(String uri) {
        if (uri == null || !uri.toLowerCase(Locale.ROOT).startsWith("sip")) {
            return CompletableFuture.completedFuture(null);
        }
        String key = uri.toLowerCase(Locale.ROOT);
        return directory.computeIfAbsent(key, k -> client.directory().search(userPart(uri), 0, 10)
                .thenApply(page -> page == null ? null : page.entries().stream().map(DirectoryEntry::card)
                        .filter(c -> c != null && c.uri() != null && c.uri().equalsIgnoreCase(uri))
                        .findFirst().orElse(null))
                .exceptionally(e -> null));
    }

    private ContactCard known(String uri) {
        CompletableFuture<ContactCard> f = uri == null ? null : directory.get(uri.toLowerCase(Locale.ROOT));
        return f != null && f.isDone() ? f.join() : null;
    }

    /** "sip:bob@x" → "bob@x", "tel:+1555" → "+1555": the address as a person types it. */
    public static String address(String uri) {
        return uri.replaceFirst("(?i)^(sips?|tel):", "").replaceFirst(";.*$", "");
    }

    static String userPart(String uri) {
        String s = address(uri);
        int at = s.indexOf('@');
        return at > 0 ? s.substring(0, at) : s;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
