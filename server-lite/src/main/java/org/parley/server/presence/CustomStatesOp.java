package org.parley.server.presence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.parley.server.service.ServiceOp;

/** SERVICE {@code presence.customStates}: {@code {"states":[{"label","availability"}]}} (docs/protocol.md). */
public final class CustomStatesOp implements ServiceOp {
    private final List<CustomStates.CustomState> states;

    public CustomStatesOp(List<CustomStates.CustomState> states) {
        this.states = List.copyOf(states);
    }

    @Override
    public String name() {
        return "presence.customStates";
    }

    @Override
    public ObjectNode handle(String user, JsonNode args) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode array = result.putArray("states");
        for (CustomStates.CustomState s : states) {
            array.addObject().put("label", s.label()).put("availability", s.availability().wireName());
        }
        return result;
    }
}
