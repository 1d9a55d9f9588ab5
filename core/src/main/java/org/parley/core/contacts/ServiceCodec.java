package org.parley.core.contacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.Contact;
import org.parley.core.model.ContactCard;
import org.parley.core.model.ContactGroup;
import org.parley.core.model.ContactKind;
import org.parley.core.model.ContactList;
import org.parley.core.model.DirectoryEntry;
import org.parley.core.model.DirectoryPage;

/**
 * The JSON of SERVICE requests and answers and of the {@code parley-contacts} event (docs/protocol.md, section
 * "Contact list, directory and sessions: SERVICE"), shared by the server and the clients.
 *
 * <ul>
 *   <li>Requests: one builder per op ({@link #contactsAdd}, {@link #directorySearch}...) returning the body text.</li>
 *   <li>Answers: {@link #contactList}, {@link #directoryPage}, {@link #members} read a 200 body;
 *       {@link #errorMessage} reads a 4xx body.</li>
 *   <li>Trees: {@link #toJson(ContactList)} and friends build the objects the server answers with.</li>
 * </ul>
 * Absent values are omitted, never written as {@code null}; readers accept both. Access levels and kinds use their
 * wire names ({@code "team"}, {@code "distribution-group"}). Malformed input throws {@link ParleyException} with
 * {@link ErrorCode#INVALID_ARGUMENT}. Thread-safe; all methods are static.
 */
public final class ServiceCodec {
    /** Content type of SERVICE request and answer bodies. */
    public static final String SERVICE_CONTENT_TYPE = "application/vnd.parley.service+json";
    /** Content type of {@code parley-contacts} NOTIFY bodies (the contact list JSON). */
    public static final String CONTACTS_CONTENT_TYPE = "application/vnd.parley.contacts+json";
    /** The {@code contacts.update} / {@code groups.setAccessLevel} value that clears a level. */
    public static final String DEFAULT_LEVEL = "default";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ServiceCodec() {
    }

    // ---- requests ----

    /** {@code {"op": op}}: add arguments with {@code put} and send {@link #write(JsonNode)}. */
    public static ObjectNode request(String op) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("op", op);
        return o;
    }

    public static String contactsGet() {
        return write(request("contacts.get"));
    }

    /** @param groupId the group to put the contact in, or null */
    public static String contactsAdd(String uri, String groupId) {
        ObjectNode o = request("contacts.add");
        o.put("uri", uri);
        putIfPresent(o, "group", groupId);
        return write(o);
    }

    /** @param number in any common notation; the server stores it as {@code tel:+digits} */
    public static String contactsAddPhone(String displayName, String number, String groupId) {
        ObjectNode o = request("contacts.addPhone");
        o.put("displayName", displayName);
        o.put("number", number);
        putIfPresent(o, "group", groupId);
        return write(o);
    }

    public static String contactsRemove(String uri) {
        ObjectNode o = request("contacts.remove");
        o.put("uri", uri);
        return write(o);
    }

    /** Replaces the groups of a contact (an empty list: no group). */
    public static String contactsSetGroups(String uri, List<String> groupIds) {
        ObjectNode o = request("contacts.update");
        o.put("uri", uri);
        ArrayNode a = o.putArray("groups");
        groupIds.forEach(a::add);
        return write(o);
    }

    public static String contactsSetTagged(String uri, boolean tagged) {
        ObjectNode o = request("contacts.update");
        o.put("uri", uri);
        o.put("tagged", tagged);
        return write(o);
    }

    /** @param level the contact's own level, or null to clear it ({@code "default"}) */
    public static String contactsSetAccessLevel(String uri, AccessLevel level) {
        ObjectNode o = request("contacts.update");
        o.put("uri", uri);
        o.put("accessLevel", level == null ? DEFAULT_LEVEL : level.wireName());
        return write(o);
    }

    public static String groupsAdd(String name) {
        ObjectNode o = request("groups.add");
        o.put("name", name);
        return write(o);
    }

    public static String groupsRename(String id, String name) {
        ObjectNode o = request("groups.rename");
        o.put("id", id);
        o.put("name", name);
        return write(o);
    }

    public static String groupsRemove(String id) {
        ObjectNode o = request("groups.remove");
        o.put("id", id);
        return write(o);
    }

    /** @param level the group's level, or null to clear it ({@code "default"}) */
    public static String groupsSetAccessLevel(String id, AccessLevel level) {
        ObjectNode o = request("groups.setAccessLevel");
        o.put("id", id);
        o.put("accessLevel", level == null ? DEFAULT_LEVEL : level.wireName());
        return write(o);
    }

    public static String groupsExpand(String groupUri) {
        ObjectNode o = request("groups.expand");
        o.put("uri", groupUri);
        return write(o);
    }

    public static String directorySearch(String query, int page, int pageSize) {
        ObjectNode o = request("directory.search");
        o.put("query", query);
        o.put("page", page);
        o.put("pageSize", pageSize);
        return write(o);
    }

    // ---- answers: reading ----

    public static ContactList contactList(String json) {
        return contactList(parseObject(json));
    }

    public static ContactList contactList(JsonNode o) {
        List<ContactGroup> groups = new ArrayList<>();
        for (JsonNode g : o.path("groups")) {
            groups.add(new ContactGroup(text(g, "id"), text(g, "name"), level(g, "accessLevel")));
        }
        List<Contact> contacts = new ArrayList<>();
        for (JsonNode c : o.path("contacts")) {
            List<String> ids = new ArrayList<>();
            c.path("groups").forEach(id -> ids.add(id.asText()));
            String kind = text(c, "kind");
            contacts.add(new Contact(required(c, "uri"), text(c, "displayName"),
                    kind == null ? ContactKind.USER : ContactKind.fromWire(kind), ids, c.path("tagged").asBoolean(false),
                    level(c, "accessLevel"), level(c, "effectiveLevel")));
        }
        return new ContactList(o.path("version").asLong(0), groups, contacts);
    }

    public static ContactCard card(JsonNode c) {
        return new ContactCard(text(c, "uri"), text(c, "displayName"), text(c, "title"), text(c, "company"),
                text(c, "department"), text(c, "email"), text(c, "workPhone"), text(c, "mobilePhone"),
                text(c, "homePhone"));
    }

    public static DirectoryPage directoryPage(String json) {
        JsonNode o = parseObject(json);
        List<DirectoryEntry> entries = new ArrayList<>();
        for (JsonNode e : o.path("entries")) {
            String kind = text(e, "kind");
            entries.add(new DirectoryEntry(kind == null ? ContactKind.USER : ContactKind.fromWire(kind), card(e.path("card"))));
        }
        return new DirectoryPage(text(o, "query"), o.path("page").asInt(0), o.path("pageSize").asInt(entries.size()),
                o.path("total").asInt(entries.size()), entries);
    }

    /** The cards of a {@code groups.expand} answer. */
    public static List<ContactCard> members(String json) {
        List<ContactCard> out = new ArrayList<>();
        for (JsonNode m : parseObject(json).path("members")) {
            out.add(card(m));
        }
        return out;
    }

    /** The message of an error body {@code {"error": msg}}; {@code fallback} when the body has none. */
    public static String errorMessage(String body, String fallback) {
        try {
            String m = text(parseObject(body), "error");
            return m == null || m.isBlank() ? fallback : m;
        } catch (ParleyException e) {
            return fallback;
        }
    }

    // ---- answers: writing ----

    public static ObjectNode toJson(ContactList list) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("version", list.version());
        ArrayNode groups = o.putArray("groups");
        for (ContactGroup g : list.groups()) {
            ObjectNode n = groups.addObject();
            n.put("id", g.id());
            n.put("name", g.name());
            putLevel(n, "accessLevel", g.accessLevel());
        }
        ArrayNode contacts = o.putArray("contacts");
        for (Contact c : list.contacts()) {
            ObjectNode n = contacts.addObject();
            n.put("uri", c.uri());
            putIfPresent(n, "displayName", c.displayName());
            n.put("kind", c.kind().wireName());
            ArrayNode ids = n.putArray("groups");
            c.groupIds().forEach(ids::add);
            n.put("tagged", c.tagged());
            putLevel(n, "accessLevel", c.accessLevel());
            putLevel(n, "effectiveLevel", c.effectiveLevel());
        }
        return o;
    }

    public static ObjectNode toJson(ContactCard c) {
        ObjectNode n = MAPPER.createObjectNode();
        putIfPresent(n, "uri", c.uri());
        putIfPresent(n, "displayName", c.displayName());
        putIfPresent(n, "title", c.title());
        putIfPresent(n, "company", c.company());
        putIfPresent(n, "department", c.department());
        putIfPresent(n, "email", c.email());
        putIfPresent(n, "workPhone", c.workPhone());
        putIfPresent(n, "mobilePhone", c.mobilePhone());
        putIfPresent(n, "homePhone", c.homePhone());
        return n;
    }

    public static ObjectNode toJson(DirectoryPage page) {
        ObjectNode o = MAPPER.createObjectNode();
        putIfPresent(o, "query", page.query());
        o.put("page", page.page());
        o.put("pageSize", page.pageSize());
        o.put("total", page.total());
        ArrayNode entries = o.putArray("entries");
        for (DirectoryEntry e : page.entries()) {
            ObjectNode n = entries.addObject();
            n.put("kind", e.kind().wireName());
            n.set("card", toJson(e.card()));
        }
        return o;
    }

    /** {@code {"members": [card...]}}, the answer of {@code groups.expand}. */
    public static ObjectNode members(List<ContactCard> cards) {
        ObjectNode o = MAPPER.createObjectNode();
        ArrayNode a = o.putArray("members");
        cards.forEach(c -> a.add(toJson(c)));
        return o;
    }

    /** {@code {"error": message}}. */
    public static ObjectNode error(String message) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("error", message == null ? "" : message);
        return o;
    }

    // ---- plumbing ----

    /** An empty object, for ops that answer {@code {}}. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Compact JSON text. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e); // a tree always serializes
        }
    }

    public static byte[] writeBytes(JsonNode node) {
        return write(node).getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a body that must be one JSON object. */
    public static ObjectNode parseObject(String json) {
        if (json == null || json.isBlank()) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "the body is empty: a JSON object is expected");
        }
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n instanceof ObjectNode o) {
                return o;
            }
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "the body is not a JSON object");
        } catch (JsonProcessingException e) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    public static ObjectNode parseObject(byte[] utf8) {
        return parseObject(utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8));
    }

    /** Wire name of a level, or the key omitted when null. */
    private static void putLevel(ObjectNode n, String key, AccessLevel level) {
        if (level != null) {
            n.put(key, level.wireName());
        }
    }

    private static void putIfPresent(ObjectNode n, String key, String value) {
        if (value != null) {
            n.put(key, value);
        }
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String required(JsonNode n, String key) {
        String v = text(n, key);
        if (v == null) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "missing '" + key + "' in " + n);
        }
        return v;
    }

    private static AccessLevel level(JsonNode n, String key) {
        return accessLevel(text(n, key));
    }

    /**
     * A level by wire name; null for null or {@code "default"} (no level of its own). Throws
     * {@link ParleyException} ({@link ErrorCode#INVALID_ARGUMENT}) for an unknown name.
     */
    public static AccessLevel accessLevel(String wire) {
        return wire == null || DEFAULT_LEVEL.equalsIgnoreCase(wire.trim()) ? null : AccessLevel.fromWire(wire);
    }
}
