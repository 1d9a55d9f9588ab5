package org.parley.core.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Collection;
import org.parley.core.error.ParleyException;
import org.parley.core.model.ContactCard;
import org.parley.core.model.ContactList;
import org.parley.core.model.DirectoryPage;
import org.parley.core.model.InstantMessage;
import org.parley.core.model.PresenceInfo;

/** Prints one JSON object per line; every event of {@code parley cli} goes through here (thread-safe). */
final class JsonOut {
    private final ObjectMapper mapper = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .findAndRegisterModules();
    private final PrintStream out;

    JsonOut(PrintStream out) {
        this.out = out;
    }

    ObjectNode event(String name) {
        ObjectNode n = mapper.createObjectNode();
        n.put("event", name);
        return n;
    }

    synchronized void print(ObjectNode node) {
        out.println(node.toString());
        out.flush();
    }

    void ok(String command) {
        ObjectNode n = event("ok");
        n.put("command", command);
        print(n);
    }

    void error(String command, ParleyException e) {
        ObjectNode n = event("error");
        if (command != null) {
            n.put("command", command);
        }
        n.put("code", e.code().name());
        n.put("message", e.userMessage());
        print(n);
    }

    ObjectNode presence(String uri, PresenceInfo p, ContactCard card) {
        ObjectNode n = event("presence");
        n.put("uri", uri);
        putPresence(n, p);
        if (card != null) {
            n.set("card", mapper.valueToTree(card));
        }
        return n;
    }

    void putPresence(ObjectNode n, PresenceInfo p) {
        n.put("availability", p.availability().wireName());
        n.put("state", p.state().wireName());
        if (p.customState() != null) {
            n.put("customState", p.customState());
        }
        if (p.note() != null) {
            n.put("note", p.note());
        }
        if (p.location() != null) {
            n.put("location", p.location());
        }
        if (!p.devices().isEmpty()) {
            n.set("devices", mapper.valueToTree(p.devices().stream().map(d -> d.wireName()).toList()));
        }
        if (p.idleSince() != null) {
            n.put("idleSince", p.idleSince().toString());
        }
    }

    ObjectNode contacts(ContactList list) {
        ObjectNode n = event("contacts");
        n.put("version", list.version());
        n.set("groups", mapper.valueToTree(list.groups().stream().map(g -> {
            ObjectNode o = mapper.createObjectNode();
            o.put("id", g.id());
            o.put("name", g.name());
            if (g.accessLevel() != null) {
                o.put("accessLevel", g.accessLevel().wireName());
            }
            return o;
        }).toList()));
        n.set("contacts", mapper.valueToTree(list.contacts().stream().map(c -> {
            ObjectNode o = mapper.createObjectNode();
            o.put("uri", c.uri());
            if (c.displayName() != null) {
                o.put("displayName", c.displayName());
            }
            o.put("kind", c.kind().wireName());
            o.set("groups", mapper.valueToTree(c.groupIds()));
            o.put("tagged", c.tagged());
            if (c.accessLevel() != null) {
                o.put("accessLevel", c.accessLevel().wireName());
            }
            if (c.effectiveLevel() != null) {
                o.put("effectiveLevel", c.effectiveLevel().wireName());
            }
            return o;
        }).toList()));
        return n;
    }

    ObjectNode directory(DirectoryPage page) {
        ObjectNode n = event("directory");
        n.put("query", page.query());
        n.put("page", page.page());
        n.put("pageSize", page.pageSize());
        n.put("total", page.total());
        n.set("entries", mapper.valueToTree(page.entries().stream().map(e -> {
            ObjectNode o = mapper.valueToTree(e.card());
            o.put("kind", e.kind().wireName());
            return o;
        }).toList()));
        return n;
    }

    ObjectNode cards(String event, Collection<ContactCard> cards) {
        ObjectNode n = event(event);
        n.set("members", mapper.valueToTree(cards));
        return n;
    }

    ObjectNode message(String event, InstantMessage m) {
        ObjectNode n = event(event);
        n.put("from", m.from());
        n.put("to", m.to());
        if (m.session() != null) {
            n.put("session", m.session());
        }
        n.put("contentType", m.contentType());
        n.put("text", m.text());
        if (m.sentAt() != null) {
            n.put("sentAt", m.sentAt().toString());
        }
        if (m.delivery() != null) {
            n.put("delivery", m.delivery().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        return n;
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
