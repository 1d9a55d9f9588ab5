package org.parley.server.delegation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.parley.core.client.DelegationService.Settings;
import org.parley.core.contacts.DelegationCodec;
import org.parley.server.policy.Aors;
import org.parley.server.service.ServiceError;
import org.parley.server.service.ServiceOp;

/**
 * SERVICE {@code delegation.get}, {@code delegation.set} (the caller's delegation as a manager) and
 * {@code delegation.managers} (whom the caller serves), docs/protocol.md "Call delegation". The server checks that
 * delegates are users of this domain (404 otherwise), not the manager (400), at most {@link #MAX_DELEGATES}. The
 * delegates a {@code set} adds or removes are told ({@link Changes}: a MESSAGE to each, see {@link DelegationCalls}).
 */
public final class DelegationOps {
    public static final int MAX_DELEGATES = 25;

    private final String domain;
    private final Predicate<String> userExists;
    private final DelegationStore store;
    private final Changes changes;

    /** Told, after a {@code delegation.set} is stored, which delegates (user names) a manager added and removed. */
    @FunctionalInterface
    public interface Changes {
        void delegatesChanged(String manager, List<String> added, List<String> removed);
    }

    public DelegationOps(String domain, Predicate<String> userExists, DelegationStore store) {
        this(domain, userExists, store, (m, a, r) -> { });
    }

    public DelegationOps(String domain, Predicate<String> userExists, DelegationStore store, Changes changes) {
        this.domain = domain.toLowerCase(Locale.ROOT);
        this.userExists = userExists;
        this.store = store;
        this.changes = changes;
    }

    private record Op(String name, BiFunction<String, JsonNode, ObjectNode> body) implements ServiceOp {
        @Override
        public ObjectNode handle(String user, JsonNode args) {
            return body.apply(user, args);
        }
    }

    public List<ServiceOp> ops() {
        return List.of(
                new Op(DelegationCodec.GET, (user, args) -> DelegationCodec.toJson(asAors(store.get(user)))),
                new Op(DelegationCodec.SET, (user, args) -> {
                    if (!args.has("settings")) {
                        throw ServiceError.badRequest("'settings' is required");
                    }
                    Settings wanted;
                    try {
                        wanted = DelegationCodec.fromJson(args.get("settings"));
                    } catch (IllegalArgumentException e) {
                        throw ServiceError.badRequest(e.getMessage());
                    }
                    Settings checked = check(user, wanted);
                    List<String> before = store.get(user).delegates();
                    store.put(user, checked);
                    List<String> added = checked.delegates().stream().filter(d -> !before.contains(d)).toList();
                    List<String> removed = before.stream().filter(d -> !checked.delegates().contains(d)).toList();
                    if (!added.isEmpty() || !removed.isEmpty()) {
                        changes.delegatesChanged(user, added, removed);
                    }
                    return DelegationCodec.toJson(asAors(checked));
                }),
                new Op(DelegationCodec.MANAGERS, (user, args) -> DelegationCodec.managers(
                        store.managersOf(user).stream().map(m -> Aors.of(m, domain)).toList())));
    }

    /** The settings as stored: delegates as local user names, each once. */
    Settings check(String manager, Settings s) {
        if (s.delegates().size() > MAX_DELEGATES) {
            throw ServiceError.badRequest("a manager has at most " + MAX_DELEGATES + " delegates");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String d : s.delegates()) {
            String name = localUser(d);
            if (name == null) {
                throw ServiceError.badRequest("delegate '" + d + "': only users of " + domain + " can be delegates");
            }
            if (name.equals(manager)) {
                throw ServiceError.badRequest("you cannot be your own delegate");
            }
            if (!userExists.test(name)) {
                throw ServiceError.notFound("delegate: there is no user '" + name + "' in " + domain);
            }
            names.add(name);
        }
        return new Settings(new ArrayList<>(names), s.mode(), s.delaySeconds());
    }

    private Settings asAors(Settings s) {
        return new Settings(s.delegates().stream().map(d -> Aors.of(d, domain)).toList(), s.mode(), s.delaySeconds());
    }

    private String localUser(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return null;
        }
        if (!v.contains(":") && !v.contains("@")) {
            return v.toLowerCase(Locale.ROOT);
        }
        String n = Aors.normalize(v.contains(":") ? v : "sip:" + v);
        String suffix = "@" + domain;
        return n.startsWith("sip:") && n.endsWith(suffix) ? n.substring(4, n.length() - suffix.length()) : null;
    }
}
