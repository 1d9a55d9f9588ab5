package org.parley.attendant.conference;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.parley.core.store.ClientStore;

/**
 * The attendant's conversation templates in the local store's {@code conference_templates} table (core migration V5):
 * a name and the contacts' addresses in the order they were picked. Saving a name again replaces its template.
 */
public final class ConferenceTemplates {
    /** A saved template. */
    public record Template(String name, List<String> members, Instant savedAt) {
        public Template {
            members = List.copyOf(members);
        }
    }

    private final ClientStore store;

    public ConferenceTemplates(ClientStore store) {
        this.store = store;
    }

    public void save(Template t) {
        if (t.name() == null || t.name().isBlank()) {
            throw new IllegalArgumentException("a template needs a name");
        }
        if (t.members().isEmpty() || t.members().stream().anyMatch(m -> m.isBlank() || m.contains("\n"))) {
            throw new IllegalArgumentException("a template needs contacts, one address each");
        }
        store.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO conference_templates (name, members, saved_at) VALUES (?,?,?)")) {
                ps.setString(1, t.name().strip());
                ps.setString(2, String.join("\n", t.members()));
                ps.setLong(3, t.savedAt().toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    public void delete(String name) {
        store.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM conference_templates WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate();
            }
        });
    }

    /** Every template, by name (ignoring case). */
    public List<Template> all() {
        return store.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, members, saved_at FROM conference_templates ORDER BY lower(name), name");
                 ResultSet rs = ps.executeQuery()) {
                List<Template> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Template(rs.getString(1), Arrays.asList(rs.getString(2).split("\n")),
                            Instant.ofEpochMilli(rs.getLong(3))));
                }
                return out;
            }
        });
    }
}
