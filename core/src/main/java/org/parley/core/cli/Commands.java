package org.parley.core.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.parley.core.client.UcClient;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.PresenceInfo;
import org.parley.core.model.PresenceState;

/**
 * The line commands of {@code parley cli}: each turns its words into one call of the client and the JSON event that
 * answers it (an "ok" when the call has nothing to show). docs/cli.md lists them.
 */
final class Commands {
    private final UcClient client;
    private final JsonOut out;
    private final String domain;
    private final CallCommands calls;

    Commands(UcClient client, JsonOut out, String domain) {
        this.client = client;
        this.out = out;
        this.domain = domain;
        this.calls = new CallCommands(client.telephony(), out, this::uri);
    }

    /** Prints call events from now on. */
    void listenToCalls() {
        calls.listen();
    }

    /** Runs one command; the future completes with the event to print (null: print "ok"). */
    CompletableFuture<ObjectNode> run(List<String> w) {
        String verb = w.get(0).toLowerCase(Locale.ROOT);
        switch (verb) {
            case "presence":
                return presence(w);
            case "contacts":
                return CompletableFuture.completedFuture(out.contacts(client.contacts().current()));
            case "contact":
                return contact(w);
            case "group":
                return group(w);
            case "search":
                return search(w);
            case "watch":
                need(w, 2, "watch URI");
                return client.presence().watch(uri(w.get(1))).thenApply(v -> null);
            case "watchers":
                return client.presence().watchers().thenApply(list -> {
                    ObjectNode n = out.event("watchers");
                    n.set("watchers", out.mapper().valueToTree(list));
                    return n;
                });
            case "im":
                need(w, 3, "im URI TEXT...");
                return client.messaging().send(uri(w.get(1)), "text/plain", rest(w, 2))
                        .thenApply(m -> out.message("im-sent", m));
            case "im-html":
                need(w, 3, "im-html URI HTML...");
                return client.messaging().send(uri(w.get(1)), "text/html", rest(w, 2))
                        .thenApply(m -> out.message("im-sent", m));
            case "typing":
                need(w, 3, "typing URI on|off");
                client.messaging().typing(uri(w.get(1)), onOff(w.get(2)));
                return done();
            case "chat":
                return chat(w);
            case "history":
                return history(w);
            case "recent": {
                ObjectNode n = out.event("recent");
                n.set("uris", out.mapper().valueToTree(client.contacts().recent()));
                return CompletableFuture.completedFuture(n);
            }
            default:
                if (CallCommands.handles(verb)) {
                    return calls.run(verb, w);
                }
                throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "unknown command '" + w.get(0) + "' (see docs/cli.md)");
        }
    }

    private CompletableFuture<ObjectNode> presence(List<String> w) {
        need(w, 2, "presence set|custom|note|location|show ...");
        switch (w.get(1).toLowerCase(Locale.ROOT)) {
            case "set":
                need(w, 3, "presence set STATE");
                return client.presence().setState(PresenceState.fromWire(rest(w, 2))).thenApply(v -> ownPresence());
            case "custom":
                need(w, 3, "presence custom LABEL");
                return client.presence().setCustomState(rest(w, 2)).thenApply(v -> ownPresence());
            case "states": {
                ObjectNode n = out.event("custom-states");
                n.set("states", out.mapper().valueToTree(client.presence().customStates()));
                return CompletableFuture.completedFuture(n);
            }
            case "note":
                return client.presence().setNote(w.size() > 2 ? rest(w, 2) : null).thenApply(v -> ownPresence());
            case "location":
                return client.presence().setLocation(w.size() > 2 ? rest(w, 2) : null).thenApply(v -> ownPresence());
            case "show":
                return CompletableFuture.completedFuture(ownPresence());
            default:
                throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "unknown presence command '" + w.get(1) + "'");
        }
    }

    private ObjectNode ownPresence() {
        PresenceInfo own = client.presence().own();
        ObjectNode n = out.event("own-presence");
        out.putPresence(n, own);
        return n;
    }

    private CompletableFuture<ObjectNode> contact(List<String> w) {
        need(w, 3, "contact add|phone|remove|groups|tag|level ...");
        String sub = w.get(1).toLowerCase(Locale.ROOT);
        switch (sub) {
            case "add":
                return client.contacts().add(uri(w.get(2)), w.size() > 3 ? w.get(3) : null).thenApply(out::contacts);
            case "phone":
                need(w, 4, "contact phone NAME NUMBER [GROUP]");
                return client.contacts().addPhone(w.get(2), w.get(3), w.size() > 4 ? w.get(4) : null).thenApply(out::contacts);
            case "remove":
                return client.contacts().remove(uri(w.get(2))).thenApply(out::contacts);
            case "groups":
                return client.contacts().setGroups(uri(w.get(2)), w.subList(3, w.size())).thenApply(out::contacts);
            case "tag":
                need(w, 4, "contact tag URI on|off");
                return client.contacts().setTagged(uri(w.get(2)), onOff(w.get(3))).thenApply(out::contacts);
            case "level":
                need(w, 4, "contact level URI LEVEL|default");
                return client.contacts().setAccessLevel(uri(w.get(2)), level(w.get(3))).thenApply(out::contacts);
            default:
                throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "unknown contact command '" + w.get(1) + "'");
        }
    }

    private CompletableFuture<ObjectNode> group(List<String> w) {
        need(w, 3, "group add|rename|remove|level|expand ...");
        switch (w.get(1).toLowerCase(Locale.ROOT)) {
            case "add":
                return client.contacts().addGroup(rest(w, 2)).thenApply(out::contacts);
            case "rename":
                need(w, 4, "group rename ID NAME");
                return client.contacts().renameGroup(w.get(2), rest(w, 3)).thenApply(out::contacts);
            case "remove":
                return client.contacts().removeGroup(w.get(2)).thenApply(out::contacts);
            case "level":
                need(w, 4, "group level ID LEVEL|default");
                return client.contacts().setGroupAccessLevel(w.get(2), level(w.get(3))).thenApply(out::contacts);
            case "expand":
                return client.contacts().expand(uri(w.get(2))).thenApply(cards -> out.cards("group-members", cards));
            default:
                throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "unknown group command '" + w.get(1) + "'");
        }
    }

    private CompletableFuture<ObjectNode> search(List<String> w) {
        need(w, 2, "search QUERY... [--page N] [--size N]");
        int page = 0;
        int size = 20;
        StringBuilder q = new StringBuilder();
        for (int i = 1; i < w.size(); i++) {
            if ("--page".equals(w.get(i)) && i + 1 < w.size()) {
                page = number(w.get(++i), "page");
            } else if ("--size".equals(w.get(i)) && i + 1 < w.size()) {
                size = number(w.get(++i), "size");
            } else {
                q.append(q.length() == 0 ? "" : " ").append(w.get(i));
            }
        }
        return client.directory().search(q.toString(), page, size).thenApply(out::directory);
    }

    private CompletableFuture<ObjectNode> chat(List<String> w) {
        need(w, 3, "chat create|invite|leave|send ...");
        switch (w.get(1).toLowerCase(Locale.ROOT)) {
            case "create":
                return client.messaging().createSession(w.subList(2, w.size()).stream().map(this::uri).toList(), null)
                        .thenApply(session -> {
                            ObjectNode n = out.event("chat-created");
                            n.put("session", session);
                            return n;
                        });
            case "invite":
                need(w, 4, "chat invite SESSION URI");
                return client.messaging().invite(w.get(2), uri(w.get(3))).thenApply(v -> null);
            case "leave":
                return client.messaging().leave(w.get(2)).thenApply(v -> null);
            case "send":
                need(w, 4, "chat send SESSION TEXT...");
                return client.messaging().send(w.get(2), "text/plain", rest(w, 3)).thenApply(m -> out.message("im-sent", m));
            default:
                throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "unknown chat command '" + w.get(1) + "'");
        }
    }

    private CompletableFuture<ObjectNode> history(List<String> w) {
        need(w, 2, "history PEER [LIMIT] | history search QUERY");
        List<org.parley.core.model.InstantMessage> found;
        if ("search".equalsIgnoreCase(w.get(1))) {
            need(w, 3, "history search QUERY");
            found = client.history().search(rest(w, 2), 100);
        } else {
            found = client.history().conversation(uri(w.get(1)), w.size() > 2 ? number(w.get(2), "limit") : 50);
        }
        ObjectNode n = out.event("history");
        n.set("messages", out.mapper().valueToTree(found.stream().map(m -> out.message("message", m).without("event")).toList()));
        return CompletableFuture.completedFuture(n);
    }

    /** "bob" → sip:bob@DOMAIN; sip:, sips:, tel: URIs and session URIs pass unchanged. */
    String uri(String word) {
        String s = word.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sip:") || lower.startsWith("sips:") || lower.startsWith("tel:")) {
            return s;
        }
        if (s.contains("@")) {
            return "sip:" + s;
        }
        return "sip:" + s + "@" + domain;
    }

    private static AccessLevel level(String word) {
        return "default".equalsIgnoreCase(word) ? null : AccessLevel.fromWire(word);
    }

    static boolean onOff(String word) {
        switch (word.toLowerCase(Locale.ROOT)) {
            case "on":
            case "true":
            case "yes":
                return true;
            case "off":
            case "false":
            case "no":
                return false;
            default:
                throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "expected on or off, got '" + word + "'");
        }
    }

    private static int number(String word, String what) {
        try {
            int n = Integer.parseInt(word);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, what + " must be a number >= 0, got '" + word + "'");
        }
    }

    private static String rest(List<String> w, int from) {
        return String.join(" ", w.subList(from, w.size()));
    }

    private static void need(List<String> w, int count, String usage) {
        if (w.size() < count) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "usage: " + usage);
        }
    }

    private static CompletableFuture<ObjectNode> done() {
        return CompletableFuture.completedFuture(null);
    }
}
