package org.parley.server.im;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.parley.server.service.ServiceError;
import org.parley.server.service.ServiceOp;

/** SERVICE {@code chat.create}: {@code participants} [uri], {@code subject} → {@code {"session": uri}}. */
public final class ChatCreateOp implements ServiceOp {
    private final ChatSessions sessions;

    public ChatCreateOp(ChatSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public String name() {
        return "chat.create";
    }

    @Override
    public ObjectNode handle(String user, JsonNode args) {
        JsonNode list = args.get("participants");
        if (list == null || !list.isArray()) {
            throw ServiceError.badRequest("participants must be a list of addresses");
        }
        List<String> participants = new ArrayList<>();
        for (JsonNode p : list) {
            if (!p.isTextual()) {
                throw ServiceError.badRequest("participants must be a list of addresses");
            }
            participants.add(p.asText());
        }
        JsonNode subject = args.get("subject");
        if (subject != null && !subject.isNull() && !subject.isTextual()) {
            throw ServiceError.badRequest("subject must be text");
        }
        String s = subject == null || subject.isNull() || subject.asText().isBlank() ? null : subject.asText().trim();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("session", sessions.create(user, participants, s));
        return out;
    }
}
