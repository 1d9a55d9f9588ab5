package org.parley.client.contacts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.parley.client.contacts.ContactRow.Entry;
import org.parley.client.contacts.ContactRow.Header;
import org.parley.client.contacts.ContactRow.Hint;
import org.parley.client.contacts.ContactRow.Section;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.Availability;
import org.parley.core.model.Contact;
import org.parley.core.model.ContactGroup;
import org.parley.core.model.ContactKind;
import org.parley.core.model.ContactList;

/**
 * Flattens the contact list into rows for one grouping, sort, filter and set of collapsed sections: "Current
 * Conversations" first, then the chosen grouping, "Recent Contacts", "Delegates" (mine, with a hint when none), "Managers" (whose delegate I am; only when
 * there are any), the "Team-Call" placeholder, and
 * the directory results of a search last. Pure: the same input gives the same rows.
 */
final class RowBuilder {
    static final String VOICE_HINT = "Set up in call forwarding (coming with voice)";
    static final String DELEGATES_HINT = "Call forwarding → Delegates… names who may take your calls";
    private static final List<Availability> AVAILABILITY_ORDER = List.of(Availability.AVAILABLE, Availability.BUSY,
            Availability.DO_NOT_DISTURB, Availability.AWAY, Availability.OFFLINE, Availability.UNKNOWN);

    /** Everything the rows depend on. {@code filter} is lower case, "" for none. */
    record Input(ContactList list, Map<String, ContactItem> items, Grouping grouping, boolean byPresence,
                 String filter, Set<String> collapsed, Collection<String> open, List<String> recent,
                 Map<String, List<ContactItem>> members, List<ContactItem> directory, String directoryNote,
                 List<String> delegates, List<String> managers) {
        Input(ContactList list, Map<String, ContactItem> items, Grouping grouping, boolean byPresence, String filter,
              Set<String> collapsed, Collection<String> open, List<String> recent,
              Map<String, List<ContactItem>> members, List<ContactItem> directory, String directoryNote) {
            this(list, items, grouping, byPresence, filter, collapsed, open, recent, members, directory, directoryNote,
                    List.of(), List.of());
        }
    }

    private final Input in;
    private final List<ContactRow> rows = new ArrayList<>();
    private final Comparator<ContactItem> order;

    private RowBuilder(Input in) {
        this.in = in;
        Comparator<ContactItem> byName = Comparator.comparing(ContactItem::sortName).thenComparing(ContactItem::key);
        this.order = in.byPresence()
                ? Comparator.<ContactItem>comparingInt(i -> rank(i.availability())).thenComparing(byName) : byName;
    }

    static List<ContactRow> build(Input in) {
        return new RowBuilder(in).rows();
    }

    static int rank(Availability a) {
        return AVAILABILITY_ORDER.indexOf(a);
    }

    private boolean filtering() {
        return !in.filter().isEmpty();
    }

    private List<ContactRow> rows() {
        section("conv", Section.CONVERSATIONS, "Current Conversations", null, itemsOf(in.open()), false, null);
        List<Contact> contacts = in.list().contacts();
        switch (in.grouping()) {
            case GROUPS -> byGroups(contacts);
            case AVAILABILITY -> {
                Map<Availability, List<ContactItem>> by = new LinkedHashMap<>();
                AVAILABILITY_ORDER.forEach(a -> by.put(a, new ArrayList<>()));
                contacts.forEach(c -> item(c).ifPresent(i -> by.get(i.availability()).add(i)));
                by.forEach((a, list) -> section("availability:" + a.wireName(), Section.AVAILABILITY, label(a), null,
                        list, true, null));
            }
            case ACCESS_LEVEL -> {
                Map<String, List<ContactItem>> by = new LinkedHashMap<>();
                List<AccessLevel> levels = new ArrayList<>(List.of(AccessLevel.values()));
                java.util.Collections.reverse(levels);
                levels.forEach(l -> by.put(l.wireName(), new ArrayList<>()));
                by.put("none", new ArrayList<>());
                contacts.forEach(c -> item(c).ifPresent(i -> by.get(c.effectiveLevel() == null ? "none"
                        : c.effectiveLevel().wireName()).add(i)));
                by.forEach((l, list) -> section("access:" + l, Section.ACCESS, levelTitle(l), null, list, true, null));
            }
            case TAGGED -> {
                List<ContactItem> tagged = new ArrayList<>();
                List<ContactItem> other = new ArrayList<>();
                contacts.forEach(c -> item(c).ifPresent(i -> (c.tagged() ? tagged : other).add(i)));
                section("tagged:yes", Section.TAGGED, "Tagged for status alerts", null, tagged, false,
                        "Right-click a contact and choose Tag for status-change alerts");
                section("tagged:no", Section.TAGGED, "Other contacts", null, other, true, null);
            }
        }
        section("recent", Section.RECENT, "Recent Contacts", null, itemsOf(in.recent()), false,
                "People you exchange messages with appear here");
        section("delegates", Section.DELEGATES, "Delegates", null, itemsOf(in.delegates()), false, DELEGATES_HINT);
        section("managers", Section.MANAGERS, "Managers", null, itemsOf(in.managers()), true, null);
        if (!filtering()) {
            placeholder("teamcall", Section.TEAM_CALL, "Team-Call");
        }
        if (in.directoryNote() != null || !in.directory().isEmpty()) {
            String key = "directory";
            rows.add(new Header(key, Section.DIRECTORY, "Directory", null, 0, in.directory().size(), false));
            for (ContactItem i : in.directory()) {
                rows.add(new Entry(key + "|" + i.key(), i, Section.DIRECTORY, null, false, false));
            }
            if (in.directoryNote() != null) {
                rows.add(new Hint(key + "|hint", in.directoryNote()));
            }
        }
        return rows;
    }

    private void byGroups(List<Contact> contacts) {
        Map<String, List<ContactItem>> byGroup = new HashMap<>();
        List<ContactItem> ungrouped = new ArrayList<>();
        for (Contact c : contacts) {
            ContactItem i = in.items().get(ContactItem.keyOf(c.uri()));
            if (i == null) {
                continue;
            }
            if (c.groupIds().isEmpty()) {
                ungrouped.add(i);
            }
            for (String g : c.groupIds()) {
                byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
            }
        }
        for (ContactGroup g : in.list().groups()) {
            section("group:" + g.id(), Section.GROUP, g.name(), g, byGroup.getOrDefault(g.id(), List.of()), false,
                    "Drag contacts here or use Move to group");
        }
        section("other", Section.OTHER, "Other Contacts", null, ungrouped, true, null);
    }

    private java.util.Optional<ContactItem> item(Contact c) {
        return java.util.Optional.ofNullable(in.items().get(ContactItem.keyOf(c.uri())));
    }

    private List<ContactItem> itemsOf(Collection<String> uris) {
        List<ContactItem> out = new ArrayList<>(uris.size());
        for (String u : uris) {
            ContactItem i = in.items().get(ContactItem.keyOf(u));
            if (i != null) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * Adds a header and its (filtered, sorted) members. Without a filter an empty section shows its hint, or nothing
     * when {@code hideWhenEmpty} (or the hint is null and it is the Current Conversations section); with a filter
     * sections without matches disappear and collapsed ones open.
     */
    private void section(String key, Section section, String title, ContactGroup group, List<ContactItem> members,
                         boolean hideWhenEmpty, String emptyHint) {
        List<ContactItem> shown = members;
        if (filtering()) {
            shown = new ArrayList<>();
            for (ContactItem i : members) {
                if (i.matches(in.filter())) {
                    shown.add(i);
                }
            }
            if (shown.isEmpty()) {
                return;
            }
        } else if (members.isEmpty() && (hideWhenEmpty || section == Section.CONVERSATIONS)) {
            return;
        }
        shown = new ArrayList<>(shown);
        shown.sort(order);
        int online = 0;
        for (ContactItem i : shown) {
            if (i.online()) {
                online++;
            }
        }
        boolean collapsed = !filtering() && in.collapsed().contains(key);
        rows.add(new Header(key, section, title, group, online, shown.size(), collapsed));
        if (collapsed) {
            return;
        }
        if (shown.isEmpty() && emptyHint != null) {
            rows.add(new Hint(key + "|hint", emptyHint));
        }
        String groupId = group == null ? null : group.id();
        for (ContactItem i : shown) {
            List<ContactItem> expanded = i.kind() == ContactKind.DISTRIBUTION_GROUP ? in.members().get(i.key()) : null;
            rows.add(new Entry(key + "|" + i.key(), i, section, groupId, false, expanded != null));
            if (expanded != null) {
                for (ContactItem m : expanded) {
                    rows.add(new Entry(key + "|" + i.key() + "|" + m.key(), m, section, groupId, true, false));
                }
            }
        }
    }

    private void placeholder(String key, Section section, String title) {
        boolean collapsed = in.collapsed().contains(key);
        rows.add(new Header(key, section, title, null, 0, 0, collapsed));
        if (!collapsed) {
            rows.add(new Hint(key + "|hint", VOICE_HINT));
        }
    }

    static String label(Availability a) {
        return switch (a) {
            case AVAILABLE -> "Available";
            case BUSY -> "Busy";
            case DO_NOT_DISTURB -> "Do not disturb";
            case AWAY -> "Away";
            case OFFLINE -> "Offline";
            case UNKNOWN -> "Presence unknown";
        };
    }

    private static String levelTitle(String wire) {
        return wire.equals("none") ? "Phone numbers and groups"
                : Character.toUpperCase(wire.charAt(0)) + wire.substring(1).toLowerCase(Locale.ROOT);
    }
}
