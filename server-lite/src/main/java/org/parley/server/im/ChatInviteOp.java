package org.parley.server.im;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.server.service.ServiceError;
import org.parley.server.service.ServiceOp;

/** SERVICE {@code chat.invite}: {@code session}, {@code uri} → {@code {"participants": [...]}}. */
public final class ChatInviteOp implements ServiceOp {
    private final ChatSessions sessions;

    public ChatInviteOp(ChatSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public String name() {
        return "chat.invite";
    }

    @Override
    public ObjectNode handle(String user, JsonNode args) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode list = out.putArray("participants");
        sessions.invite(user, text(args, "session"), text(args, "uri")).forEach(list::add);
        return out;
    }

    static String text(JsonNode args, String name) {
        JsonNode v = args.get(name);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw ServiceError.badRequest("Missing " + name);
        }
        return v.asText().trim();
    }
}
