package org.parley.server.contacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.ContactCard;
import org.parley.core.model.ContactKind;
import org.parley.core.model.DirectoryEntry;
import org.parley.core.model.DirectoryPage;
import org.parley.core.model.Visibility;
import org.parley.server.policy.Aors;
import org.parley.server.service.ServiceError;
import org.parley.server.users.Cards;
import org.parley.server.users.UserProfile;
import org.parley.server.users.UserRepository;

/**
 * Directory search over local users and distribution groups, and distribution-group expansion.
 *
 * <p>A user matches on user name, display name, e-mail, work and mobile phone, but only on the fields the level
 * that user grants the searcher shows (so a search cannot reveal a hidden field); the card returned is filtered by
 * that same level ({@link Visibility#card}). Case-insensitive. Rank: exact match of a field first, then a field or
 * any word of the display name starting with the query, then the query anywhere; ties by display name. Phone
 * fields compare digits only, once the query has at least 3 digits and nothing but phone characters.
 */
public final class Directory {
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    private static final int EXACT = 0;
    private static final int PREFIX = 1;
    private static final int SUBSTRING = 2;
    private static final int NONE = 3;

    private final UserRepository users;
    private final Cards cards;
    private final DistributionGroups groups;
    private final ContactLists lists;
    private final String domain;

    public Directory(UserRepository users, Cards cards, DistributionGroups groups, ContactLists lists, String domain) {
        this.users = users;
        this.cards = cards;
        this.groups = groups;
        this.lists = lists;
        this.domain = domain.toLowerCase(Locale.ROOT);
    }

    private record Hit(int rank, DirectoryEntry entry) {
    }

    /** One page of results for {@code searcher} (a local user name). */
    public DirectoryPage search(String searcher, String rawQuery, int page, int pageSize) {
        String query = rawQuery == null ? "" : rawQuery.strip().toLowerCase(Locale.ROOT);
        if (query.isEmpty()) {
            throw ServiceError.badRequest("type something to search for");
        }
        if (page < 0) {
            throw ServiceError.badRequest("page starts at 0");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw ServiceError.badRequest("pageSize must be 1 to " + MAX_PAGE_SIZE);
        }
        String digits = PhoneNumbers.digits(query);
        boolean phoneQuery = digits.length() >= 3 && query.matches("[0-9+ ().\\-/]+");
        Function<String, AccessLevel> levelOf = lists.levelsGrantedTo(Aors.of(searcher, domain));

        List<Hit> hits = new ArrayList<>();
        for (UserProfile p : users.list()) {
            AccessLevel level = levelOf.apply(p.username());
            ContactCard card = Visibility.card(cards.of(p), level);
            int rank = Math.min(rankText(query, p.username()), rankName(query, card.displayName()));
            rank = Math.min(rank, rankText(query, card.email()));
            if (phoneQuery) {
                rank = Math.min(rank, Math.min(rankPhone(digits, card.workPhone()), rankPhone(digits, card.mobilePhone())));
            }
            if (rank < NONE) {
                hits.add(new Hit(rank, new DirectoryEntry(ContactKind.USER, card)));
            }
        }
        for (DistributionGroups.Group g : groups.list()) {
            int rank = Math.min(rankText(query, g.name()), rankName(query, g.displayName()));
            if (rank < NONE) {
                hits.add(new Hit(rank, new DirectoryEntry(ContactKind.DISTRIBUTION_GROUP, groupCard(g))));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::rank)
                .thenComparing(h -> h.entry().card().displayName(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(h -> h.entry().card().uri()));
        int from = (int) Math.min((long) page * pageSize, hits.size());
        int to = Math.min(from + pageSize, hits.size());
        List<DirectoryEntry> entries = hits.subList(from, to).stream().map(Hit::entry).toList();
        return new DirectoryPage(rawQuery.strip(), page, pageSize, hits.size(), entries);
    }

    /** The members of a distribution group, each card filtered by the level that member grants {@code searcher}. */
    public List<ContactCard> expand(String searcher, String groupUri) {
        String n = Aors.normalize(groupUri == null ? "" : groupUri);
        int at = n.indexOf('@');
        if (!n.startsWith("sip:") || at < 5 || !n.substring(at + 1).equals(domain)) {
            throw ServiceError.notFound("no distribution group " + groupUri);
        }
        DistributionGroups.Group g = groups.find(n.substring(4, at))
                .orElseThrow(() -> ServiceError.notFound("no distribution group " + groupUri));
        Function<String, AccessLevel> levelOf = lists.levelsGrantedTo(Aors.of(searcher, domain));
        List<ContactCard> out = new ArrayList<>();
        for (String member : g.members()) {
            cards.of(member).ifPresent(card -> out.add(Visibility.card(card, levelOf.apply(member))));
        }
        return out;
    }

    private ContactCard groupCard(DistributionGroups.Group g) {
        return ContactCard.of(Aors.of(g.name(), domain), g.displayName());
    }

    private static int rankText(String query, String field) {
        if (field == null) {
            return NONE;
        }
        String f = field.toLowerCase(Locale.ROOT);
        if (f.equals(query)) {
            return EXACT;
        }
        if (f.startsWith(query)) {
            return PREFIX;
        }
        return f.contains(query) ? SUBSTRING : NONE;
    }

    /** As {@link #rankText}, and a word of the name starting with the query counts as a prefix match. */
    private static int rankName(String query, String name) {
        int rank = rankText(query, name);
        if (rank > PREFIX && name != null) {
            for (String word : name.toLowerCase(Locale.ROOT).split("[\\s,.\\-]+")) {
                if (!word.isEmpty() && word.startsWith(query)) {
                    return PREFIX;
                }
            }
        }
        return rank;
    }

    private static int rankPhone(String queryDigits, String phone) {
        String d = PhoneNumbers.digits(phone);
        if (d.isEmpty()) {
            return NONE;
        }
        if (d.equals(queryDigits)) {
            return EXACT;
        }
        if (d.startsWith(queryDigits)) {
            return PREFIX;
        }
        return d.contains(queryDigits) ? SUBSTRING : NONE;
    }
}
