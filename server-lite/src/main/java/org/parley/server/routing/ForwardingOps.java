package org.parley.server.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.parley.core.client.CallForwarding;
import org.parley.core.client.CallTarget;
import org.parley.core.contacts.ForwardingCodec;
import org.parley.server.policy.Aors;
import org.parley.server.service.ServiceError;
import org.parley.server.service.ServiceOp;

/**
 * SERVICE {@code forwarding.get} and {@code forwarding.set} (docs/protocol.md, "Call routing"). The server checks what
 * the client cannot: user targets and team members are users of this domain (404 otherwise), nobody forwards to
 * themselves (400), a number is a local user's or there is a gateway for it (400 otherwise). User targets are stored
 * as AORs ({@code sip:carol@D}).
 */
public final class ForwardingOps {
    public static final int MAX_TEAM = 20;

    private final String domain;
    private final Predicate<String> userExists;
    private final ForwardingStore store;
    private final LocalNumbers numbers;
    private final String gateway;

    public ForwardingOps(String domain, Predicate<String> userExists, ForwardingStore store, LocalNumbers numbers, String gateway) {
        this.domain = domain.toLowerCase(Locale.ROOT);
        this.userExists = userExists;
        this.store = store;
        this.numbers = numbers;
        this.gateway = gateway;
    }

    private record Op(String name, java.util.function.BiFunction<String, JsonNode, ObjectNode> body) implements ServiceOp {
        @Override
        public ObjectNode handle(String user, JsonNode args) {
            return body.apply(user, args);
        }
    }

    public List<ServiceOp> ops() {
        return List.of(
                new Op(ForwardingCodec.GET, (user, args) -> ForwardingCodec.toJson(store.get(user))),
                new Op(ForwardingCodec.SET, (user, args) -> {
                    if (!args.has("rules")) {
                        throw ServiceError.badRequest("'rules' is required");
                    }
                    CallForwarding checked = check(user, ForwardingCodec.fromJson(args.get("rules")));
                    store.put(user, checked);
                    return ForwardingCodec.toJson(checked);
                }));
    }

    /** The rules as stored: checked against this server's users and numbers, user targets as AORs. */
    CallForwarding check(String user, CallForwarding r) {
        CallTarget forwardTo = r.mode() == CallForwarding.Mode.FORWARD_ALL ? target(user, r.forwardTo(), "forward to")
                : CallTarget.NONE;
        String simRing = null;
        if (r.simRingNumber() != null) {
            String n = r.simRingNumber().strip();
            boolean isNumber = n.matches("\\+?[0-9][0-9 ().-]{0,30}");
            simRing = isNumber ? target(user, CallTarget.number(n), "ring also").value()
                    : target(user, CallTarget.user(n), "ring also").value();
        }
        if (r.team().size() > MAX_TEAM) {
            throw ServiceError.badRequest("a Team-Call group has at most " + MAX_TEAM + " members");
        }
        Set<String> team = new LinkedHashSet<>();
        for (String member : r.team()) {
            team.add(target(user, CallTarget.user(member), "Team-Call member").value());
        }
        CallTarget unanswered = target(user, r.unansweredTarget(), "send unanswered calls to");
        return new CallForwarding(r.mode(), forwardTo, simRing, r.simRingTeam(), new ArrayList<>(team),
                r.unansweredSeconds(), unanswered);
    }

    private CallTarget target(String user, CallTarget t, String what) {
        switch (t.kind()) {
            case USER: {
                String name = localUser(t.value());
                if (name == null) {
                    throw ServiceError.badRequest(what + " '" + t.value() + "': only users of " + domain + " can be targets");
                }
                if (name.equals(user)) {
                    throw ServiceError.badRequest(what + ": that is your own address");
                }
                if (!userExists.test(name)) {
                    throw ServiceError.notFound(what + ": there is no user '" + name + "' in " + domain);
                }
                return CallTarget.user(Aors.of(name, domain));
            }
            case NUMBER: {
                String owner = numbers.owner(t.value()).orElse(null);
                if (user.equals(owner)) {
                    throw ServiceError.badRequest(what + ": " + t.value() + " is your own number");
                }
                if (owner == null && gateway == null) {
                    throw ServiceError.badRequest(what + " " + t.value()
                            + ": no user here has that number and the server has no gateway for other numbers");
                }
                return t;
            }
            default:
                return t;
        }
    }

    private String localUser(String value) {
        String v = value.strip();
        if (!v.contains(":") && !v.contains("@")) {
            return v.toLowerCase(Locale.ROOT);
        }
        String n = Aors.normalize(v.contains(":") ? v : "sip:" + v);
        String suffix = "@" + domain;
        return n.startsWith("sip:") && n.endsWith(suffix) ? n.substring(4, n.length() - suffix.length()) : null;
    }
}
