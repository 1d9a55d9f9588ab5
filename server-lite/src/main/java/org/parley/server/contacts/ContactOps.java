package org.parley.server.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.parley.core.contacts.ServiceCodec;
import org.parley.core.error.ParleyException;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.ContactList;
import org.parley.server.service.ServiceError;
import org.parley.server.service.ServiceOp;

/**
 * The SERVICE operations of contact lists and the directory (docs/protocol.md): {@code contacts.*}, {@code groups.*}
 * and {@code directory.search}. Each is a small {@link ServiceOp}; {@link #all} lists them for registration.
 */
public final class ContactOps {
    private ContactOps() {
    }

    public static List<ServiceOp> all(ContactLists lists, Directory directory) {
        return List.of(new Get(lists), new Add(lists), new AddPhone(lists), new Remove(lists), new Update(lists),
                new GroupAdd(lists), new GroupRename(lists), new GroupRemove(lists), new GroupSetAccessLevel(lists),
                new GroupExpand(directory), new Search(directory));
    }

    /** Base of the ops that answer with the caller's contact list. */
    private abstract static class ListOp implements ServiceOp {
        final ContactLists lists;
        private final String name;

        ListOp(String name, ContactLists lists) {
            this.name = name;
            this.lists = lists;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public ObjectNode handle(String user, JsonNode args) {
            return ServiceCodec.toJson(run(user, args));
        }

        abstract ContactList run(String user, JsonNode args);
    }

    public static final class Get extends ListOp {
        public Get(ContactLists lists) {
            super("contacts.get", lists);
        }

        @Override
        ContactList run(String user, JsonNode args) {
            return lists.get(user);
        }
    }

    public static final class Add extends ListOp {
        public Add(ContactLists lists) {
            super("contacts.add", lists);
        }

        @Override
        ContactList run(String user, JsonNode args) {
            return lists.add(user, required(args, "uri"), optional(args, "group"));
        }
    }

    public static final class AddPhone extends ListOp {
        public AddPhone(ContactLists lists) {
            super("contacts.addPhone", lists);
        }

        @Override
        ContactList run(String user, JsonNode args) {
            return lists.addPhone(user, required(args, "displayName"), required(args, "number"), optional(args, "group"));
        }
    }

    public static final class Remove extends ListOp {
        public Remove(ContactLists lists) {
            super("contacts.remove", lists);
        }

        @Override
        ContactList run(String user, JsonNode args) {
            return lists.remove(user, required(args, "uri"));
        }
    }

    public static final class Update extends ListOp {
        public Update(ContactLists lists) {
            super("contacts.update", lists);
        }

        @Override
        ContactList run(String user, JsonNode args) {
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
    }

    public static final class GroupAdd extends ListOp {
        public GroupAdd(ContactLists lists) {
            super("groups.add", lists);
        }

        @Override
        ContactList run(String user, JsonNode args) {
            return lists.addGroup(user, required(args, "name"));
        }
    }

    public static final class GroupRename extends ListOp {
        public GroupRename(ContactLists lists) {
            super("groups.rename", lists);
        }

        @Override
        ContactList run(String user, JsonNode args) {
            return lists.renameGroup(user, required(args, "id"), required(args, "name"));
        }
    }

    public static final class GroupRemove extends ListOp {
        public GroupRemove(ContactLists lists) {
            super("groups.remove", lists);
        }

        @Override
        ContactList run(String user, JsonNode args) {
            return lists.removeGroup(user, required(args, "id"));
        }
    }

    public static final class GroupSetAccessLevel extends ListOp {
        public GroupSetAccessLevel(ContactLists lists) {
            super("groups.setAccessLevel", lists);
        }

        @Override
        ContactList run(String user, JsonNode args) {
            required(args, "accessLevel");
            return lists.setGroupLevel(user, required(args, "id"), level(args));
        }
    }

    public static final class GroupExpand implements ServiceOp {
        private final Directory directory;

        public GroupExpand(Directory directory) {
            this.directory = directory;
        }

        @Override
        public String name() {
            return "groups.expand";
        }

        @Override
        public ObjectNode handle(String user, JsonNode args) {
            return ServiceCodec.members(directory.expand(user, required(args, "uri")));
        }
    }

    public static final class Search implements ServiceOp {
        private final Directory directory;

        public Search(Directory directory) {
            this.directory = directory;
        }

        @Override
        public String name() {
            return "directory.search";
        }

        @Override
        public ObjectNode handle(String user, JsonNode args) {
            return ServiceCodec.toJson(directory.search(user, required(args, "query"), integer(args, "page", 0),
                    integer(args, "pageSize", Directory.DEFAULT_PAGE_SIZE)));
        }
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
