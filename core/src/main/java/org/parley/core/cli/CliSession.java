package org.parley.core.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.parley.core.client.PresenceService;
import org.parley.core.client.UcClient;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.model.ContactCard;
import org.parley.core.model.ContactList;
import org.parley.core.model.InstantMessage;
import org.parley.core.model.PresenceInfo;

/**
 * One signed-in {@code parley cli} session: prints the client's events as JSON lines, reads commands line by line
 * and runs each to completion before the next (so scripts see results in order). Ends at EOF or "quit".
 */
final class CliSession {
    private static final long COMMAND_TIMEOUT_SECONDS = 30;
    private static final int MAX_WAIT_SECONDS = 600;

    private final UcClient client;
    private final JsonOut out;
    private final Commands commands;

    CliSession(UcClient client, JsonOut out, String domain) {
        this.client = client;
        this.out = out;
        this.commands = new Commands(client, out, domain);
    }

    /** Wires the listeners; call before signing in so nothing is missed. */
    void listen() {
        commands.listenToCalls();
        client.addConnectionListener((state, error) -> {
            ObjectNode n = out.event("connection");
            n.put("state", state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (error != null) {
                n.put("code", error.code().name());
                n.put("message", error.userMessage());
            }
            out.print(n);
        });
        client.presence().addListener(new PresenceService.PresenceListener() {
            @Override
            public void onPresence(String uri, PresenceInfo presence, ContactCard card) {
                out.print(out.presence(uri, presence, card));
            }

            @Override
            public void onTaggedContactChanged(String uri, PresenceInfo presence) {
                ObjectNode n = out.event("alert");
                n.put("uri", uri);
                out.putPresence(n, presence);
                out.print(n);
            }

            @Override
            public void onWatcherAdded(PresenceService.Watcher watcher) {
                ObjectNode n = out.event("watcher");
                n.put("uri", watcher.uri());
                if (watcher.displayName() != null) {
                    n.put("displayName", watcher.displayName());
                }
                n.put("status", watcher.status());
                out.print(n);
            }
        });
        client.contacts().addListener((ContactList list) -> out.print(out.contacts(list)));
        client.messaging().addListener(new org.parley.core.client.MessagingService.MessageListener() {
            @Override
            public void onMessage(InstantMessage message) {
                out.print(out.message("im", message));
            }

            @Override
            public void onTyping(String from, String session, boolean active) {
                ObjectNode n = out.event("typing");
                n.put("from", from);
                if (session != null) {
                    n.put("session", session);
                }
                n.put("active", active);
                out.print(n);
            }

            @Override
            public void onSessionEvent(String session, String event, String who, List<String> participants) {
                ObjectNode n = out.event("chat-" + event);
                n.put("session", session);
                n.put("who", who);
                n.set("participants", out.mapper().valueToTree(participants));
                out.print(n);
            }
        });
    }

    /** Reads and runs commands until EOF or quit. */
    void loop(BufferedReader in) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.equalsIgnoreCase("quit") || trimmed.equalsIgnoreCase("exit")) {
                return;
            }
            runLine(trimmed);
        }
    }

    void runLine(String line) {
        try {
            List<String> words = Tokenizer.split(line);
            if (words.get(0).equalsIgnoreCase("wait")) {
                waitSeconds(words);
                out.ok(line);
                return;
            }
            CompletableFuture<ObjectNode> result = commands.run(words);
            ObjectNode event = result.get(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (event == null) {
                out.ok(line);
            } else {
                event.put("command", line);
                out.print(event);
            }
        } catch (ParleyException e) {
            out.error(line, e);
        } catch (ExecutionException e) {
            out.error(line, asParley(e.getCause()));
        } catch (TimeoutException e) {
            out.error(line, new ParleyException(ErrorCode.TIMEOUT, "no answer within " + COMMAND_TIMEOUT_SECONDS + " s"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.error(line, new ParleyException(ErrorCode.INTERNAL, "interrupted"));
        }
    }

    private static void waitSeconds(List<String> words) throws InterruptedException {
        double seconds;
        try {
            seconds = words.size() > 1 ? Double.parseDouble(words.get(1)) : 1;
        } catch (NumberFormatException e) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "usage: wait SECONDS");
        }
        if (seconds < 0 || seconds > MAX_WAIT_SECONDS) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "wait takes 0 to " + MAX_WAIT_SECONDS + " seconds");
        }
        Thread.sleep((long) (seconds * 1000));
    }

    static ParleyException asParley(Throwable t) {
        Throwable c = t;
        while (c != null) {
            if (c instanceof ParleyException p) {
                return p;
            }
            c = c.getCause();
        }
        return new ParleyException(ErrorCode.INTERNAL, t == null ? "failed" : String.valueOf(t.getMessage()), t);
    }
}
