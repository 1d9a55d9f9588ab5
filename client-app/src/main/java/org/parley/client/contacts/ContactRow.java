package org.parley.client.contacts;

import org.parley.core.model.ContactGroup;

/** One line of the flattened, virtualized contact list: a group header, a contact, or a one-line hint. */
public sealed interface ContactRow {

    /** Stable identity across rebuilds (keeps the selection on the same line). */
    String key();

    /**
     * A section header.
     *
     * @param section   what kind of section
     * @param group     the user's group behind it (GROUP sections only), else null
     * @param online    members shown as online
     * @param total     members
     */
    record Header(String key, Section section, String title, ContactGroup group, int online, int total,
                  boolean collapsed) implements ContactRow {
        /** "3/10" (online of all) for sections of people, else the count. */
        public String countText() {
            return section.countsPresence() && total > 0 ? online + "/" + total : Integer.toString(total);
        }
    }

    /**
     * A contact in a section. {@code member} marks a distribution group's member shown under it; {@code section} is
     * where the row is (DIRECTORY for a search result).
     */
    record Entry(String key, ContactItem item, Section section, String groupId, boolean member,
                 boolean expanded) implements ContactRow {
    }

    /** A muted explanation under a header ("Set up in call forwarding (coming with voice)"). */
    record Hint(String key, String text) implements ContactRow {
    }

    enum Section {
        CONVERSATIONS(true), RECENT(true), GROUP(true), OTHER(true), AVAILABILITY(false), ACCESS(true), TAGGED(true),
        DELEGATES(true), MANAGERS(true), TEAM_CALL(false), DIRECTORY(false);

        private final boolean countsPresence;

        Section(boolean countsPresence) {
            this.countsPresence = countsPresence;
        }

        boolean countsPresence() {
            return countsPresence;
        }
    }
}
