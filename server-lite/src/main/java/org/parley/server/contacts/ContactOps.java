package org.parley.server.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.parley.core.contacts.ServiceCodec;
import org.parley.core.error.ParleyException;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.ContactList;
import org.parley.server.service.ServiceError;
import org.parley.server.service.ServiceOp;

/**
 * The SERVICE operations of contact lists and the directory (docs/protocol.md): {@code contacts.*}, {@code groups.*}
 * and {@code directory.search}, each a named function of the caller and the arguments; {@link #all} lists them.
 */
public final class ContactOps {
    private ContactOps() {
    }

    /** One operation: its name and what it does for the authenticated user with the request's arguments. */
    private record Op(String name, BiFunction<String, JsonNode, ObjectNode> body) implements ServiceOp {
        @Override
        public ObjectNode handle(String user, JsonNode args) {
            return body.apply(user, args);
        }
    }

    /** An operation that answers with the caller's contact list after the change. */
    private static Op listOp(String name, BiFunction<String, JsonNode, ContactList> change) {
        return new Op(name, (user, args) -> ServiceCodec.toJson(change.apply(user, args)));
    }

    public static List<ServiceOp> all(ContactLists lists, Directory directory) {
        return List.of(
                listOp("contacts.get", (user, args) -> lists.get(user)),
                listOp("contacts.add", (user, args) -> lists.add(user, required(args, "uri"), optional(args, "group"))),
                listOp("contacts.addPhone", (user, args) -> lists.addPhone(user, required(args, "displayName"),
                        required(args, "number"), optional(args, "group"))),
                listOp("contacts.remove", (user, args) -> lists.remove(user, required(args, "uri"))),
                listOp("contacts.update", (user, args) -> update(lists, user, args)),
                listOp("groups.add", (user, args) -> lists.addGroup(user, required(args, "name"))),
                listOp("groups.rename", (user, args) -> lists.renameGroup(user, required(args, "id"), required(args, "name"))),
                listOp("groups.remove", (user, args) -> lists.removeGroup(user, required(args, "id"))),
                listOp("groups.setAccessLevel", (user, args) -> {
                    required(args, "accessLevel");
                    return lists.setGroupLevel(user, required(args, "id"), level(args));
                }),
                new Op("groups.expand", (user, args) -> ServiceCodec.members(directory.expand(user, required(args, "uri")))),
                new Op("directory.search", (user, args) -> ServiceCodec.toJson(directory.search(user,
                        required(args, "query"), integer(args, "page", 0),
                        integer(args, "pageSize", Directory.DEFAULT_PAGE_SIZE)))));
    }

    private static ContactList update(ContactLists lists, String user, JsonNode args) {
        List<String> groups = null;
        if (args.has("groups")) {
            JsonNode g = args.get("groups");
            if (!g.isArray()) {
                throw ServiceError.badRequest("'groups' must be a list of group ids");
            }
            groups = new ArrayList<>();
            for (JsonNode id : g) {
                groups.add(id.asText());
            }
        }
        Boolean tagged = null;
        if (args.has("tagged")) {
            if (!args.get("tagged").isBoolean()) {
                throw ServiceError.badRequest("'tagged' must be true or false");
            }
            tagged = args.get("tagged").asBoolean();
        }
        boolean setLevel = args.has("accessLevel");
        return lists.update(user, required(args, "uri"), groups, tagged, setLevel, setLevel ? level(args) : null);
    }

    static String required(JsonNode args, String key) {
        String v = optional(args, key);
        if (v == null) {
            throw ServiceError.badRequest("missing '" + key + "'");
        }
        return v;
    }

    static String optional(JsonNode args, String key) {
        JsonNode v = args.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw ServiceError.badRequest("'" + key + "' must be a string");
        }
        return v.asText();
    }

    static int integer(JsonNode args, String key, int fallback) {
        JsonNode v = args.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw ServiceError.badRequest("'" + key + "' must be a whole number");
        }
        return v.asInt();
    }

    /** The {@code accessLevel} argument: a level, or null for "default". */
    static AccessLevel level(JsonNode args) {
        try {
            return ServiceCodec.accessLevel(optional(args, "accessLevel"));
        } catch (ParleyException e) {
            throw ServiceError.badRequest(e.getMessage());
        }
    }
}
