package org.parley.core.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parley.core.client.CallForwarding;
import org.parley.core.client.CallTarget;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;

/**
 * The JSON form of {@link CallForwarding} in the SERVICE ops {@code forwarding.get} / {@code forwarding.set}
 * (docs/protocol.md, "Call routing"), shared by client and server:
 * {@code {"mode":"SIMULTANEOUS_RING","forwardTo":{"kind":"NONE"},"simRingNumber":"+15550100","simRingTeam":true,
 * "team":["sip:dave@D"],"unansweredSeconds":20,"unansweredTarget":{"kind":"VOICEMAIL"}}}.
 */
public final class ForwardingCodec {
    public static final String GET = "forwarding.get";
    public static final String SET = "forwarding.set";

    private ForwardingCodec() {
    }

    public static ObjectNode toJson(CallForwarding f) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("mode", f.mode().name());
        o.set("forwardTo", target(f.forwardTo()));
        if (f.simRingNumber() == null) {
            o.putNull("simRingNumber");
        } else {
            o.put("simRingNumber", f.simRingNumber());
        }
        o.put("simRingTeam", f.simRingTeam());
        ArrayNode team = o.putArray("team");
        f.team().forEach(team::add);
        o.put("unansweredSeconds", f.unansweredSeconds());
        o.set("unansweredTarget", target(f.unansweredTarget()));
        return o;
    }

    /** {@code {"op":"forwarding.set","rules":{...}}}. */
    public static ObjectNode setRequest(CallForwarding f) {
        ObjectNode o = ServiceCodec.request(SET);
        o.set("rules", toJson(f));
        return o;
    }

    /**
     * Reads rules; a missing field takes its {@link CallForwarding#DEFAULT} value. Anything malformed or against the
     * rules' own checks is a {@link ParleyException} with {@link ErrorCode#INVALID_ARGUMENT} and a readable message.
     */
    public static CallForwarding fromJson(JsonNode o) {
        if (o == null || !o.isObject()) {
            throw invalid("forwarding rules must be a JSON object");
        }
        CallForwarding d = CallForwarding.DEFAULT;
        try {
            CallForwarding.Mode mode = o.has("mode") ? mode(text(o, "mode")) : d.mode();
            List<String> team = new ArrayList<>();
            JsonNode t = o.get("team");
            if (t != null && !t.isNull()) {
                if (!t.isArray()) {
                    throw invalid("'team' must be a list of user addresses");
                }
                for (JsonNode m : t) {
                    if (!m.isTextual()) {
                        throw invalid("'team' must be a list of user addresses");
                    }
                    team.add(m.asText());
                }
            }
            JsonNode seconds = o.get("unansweredSeconds");
            if (seconds != null && !seconds.isInt()) {
                throw invalid("'unansweredSeconds' must be a whole number");
            }
            JsonNode simTeam = o.get("simRingTeam");
            if (simTeam != null && !simTeam.isBoolean()) {
                throw invalid("'simRingTeam' must be true or false");
            }
            JsonNode number = o.get("simRingNumber");
            return new CallForwarding(mode, target(o.get("forwardTo"), d.forwardTo()),
                    number == null || number.isNull() ? null : number.asText(),
                    simTeam != null && simTeam.asBoolean(), team,
                    seconds == null ? d.unansweredSeconds() : seconds.asInt(),
                    target(o.get("unansweredTarget"), o.has("unansweredTarget") ? CallTarget.NONE : d.unansweredTarget()));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static CallForwarding.Mode mode(String name) {
        for (CallForwarding.Mode m : CallForwarding.Mode.values()) {
            if (m.name().equalsIgnoreCase(name.trim())) {
                return m;
            }
        }
        throw invalid("unknown forwarding mode '" + name + "': use OFF, FORWARD_ALL or SIMULTANEOUS_RING");
    }

    private static ObjectNode target(CallTarget t) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("kind", t.kind().name());
        if (t.value() != null) {
            o.put("value", t.value());
        }
        return o;
    }

    private static CallTarget target(JsonNode o, CallTarget fallback) {
        if (o == null || o.isNull()) {
            return fallback;
        }
        if (!o.isObject() || !o.has("kind")) {
            throw invalid("a call target is {\"kind\": NONE|VOICEMAIL|USER|NUMBER, \"value\": ...}");
        }
        CallTarget.Kind kind;
        try {
            kind = CallTarget.Kind.valueOf(text(o, "kind").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("unknown call target kind '" + text(o, "kind") + "': use NONE, VOICEMAIL, USER or NUMBER");
        }
        JsonNode v = o.get("value");
        return new CallTarget(kind, v == null || v.isNull() ? null : v.asText());
    }

    private static String text(JsonNode o, String key) {
        return o.path(key).asText("");
    }

    private static ParleyException invalid(String message) {
        return new ParleyException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
