package org.parley.server.im;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.server.service.ServiceOp;

/** SERVICE {@code chat.leave}: {@code session} → {@code {}}. */
public final class ChatLeaveOp implements ServiceOp {
    private final ChatSessions sessions;

    public ChatLeaveOp(ChatSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public String name() {
        return "chat.leave";
    }

    @Override
    public ObjectNode handle(String user, JsonNode args) {
        sessions.leave(user, ChatInviteOp.text(args, "session"));
        return JsonNodeFactory.instance.objectNode();
    }
}
