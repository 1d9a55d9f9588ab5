package org.parley.core.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parley.core.client.DelegationService.RingMode;
import org.parley.core.client.DelegationService.Settings;

/**
 * JSON of the SERVICE ops {@code delegation.get}, {@code delegation.set} and {@code delegation.managers}
 * (docs/protocol.md, "Call delegation"): {@code {"delegates":[AOR...],"mode":"with-manager","delaySeconds":N}} and
 * {@code {"managers":[AOR...]}}.
 */
public final class DelegationCodec {
    public static final String GET = "delegation.get";
    public static final String SET = "delegation.set";
    public static final String MANAGERS = "delegation.managers";

    private DelegationCodec() {
    }

    public static ObjectNode toJson(Settings s) {
        ObjectNode o = ServiceCodec.object();
        ArrayNode d = o.putArray("delegates");
        s.delegates().forEach(d::add);
        o.put("mode", s.mode().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        o.put("delaySeconds", s.delaySeconds());
        return o;
    }

    public static ObjectNode setRequest(Settings s) {
        ObjectNode o = ServiceCodec.request(SET);
        o.set("settings", toJson(s));
        return o;
    }

    /** Throws IllegalArgumentException for an unknown mode or a delay out of range. */
    public static Settings fromJson(JsonNode o) {
        List<String> delegates = new ArrayList<>();
        JsonNode d = o.path("delegates");
        if (d.isArray()) {
            d.forEach(n -> delegates.add(n.asText()));
        }
        String mode = o.path("mode").asText("with-manager");
        RingMode m = RingMode.valueOf(mode.toUpperCase(Locale.ROOT).replace('-', '_'));
        return new Settings(delegates, m, o.path("delaySeconds").asInt(0));
    }

    public static ObjectNode managers(List<String> managers) {
        ObjectNode o = ServiceCodec.object();
        ArrayNode a = o.putArray("managers");
        managers.forEach(a::add);
        return o;
    }

    public static List<String> managers(JsonNode o) {
        List<String> out = new ArrayList<>();
        o.path("managers").forEach(n -> out.add(n.asText()));
        return out;
    }
}
