package org.parley.client.conversation;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.parley.core.client.FileTransferService;
import org.parley.core.client.MessageOptions;
import org.parley.core.model.InstantMessage;
import org.parley.core.model.PresenceInfo;

/** A conversation port that records what is sent and lets the test answer each send. */
final class FakePort implements ConversationPort {
    record Sent(String to, String type, String text, MessageOptions options, CompletableFuture<InstantMessage> answer) {
    }

    final List<Sent> sent = new ArrayList<>();
    final List<String> typing = new ArrayList<>();
    final List<InstantMessage> history = new ArrayList<>();
    final Map<String, String> names = Map.of("sip:alice@parley.test", "Alice Archer", "sip:bob@parley.test",
            "Bob Baker", "sip:carol@parley.test", "Carol Cole");
    FileTransferService files;
    Path downloads = Path.of("target", "downloads");

    @Override
    public String self() {
        return "sip:alice@parley.test";
    }

    @Override
    public CompletableFuture<InstantMessage> send(String to, String contentType, String text, MessageOptions options) {
        CompletableFuture<InstantMessage> f = new CompletableFuture<>();
        sent.add(new Sent(to, contentType, text, options, f));
        return f;
    }

    @Override
    public void typing(String to, boolean active) {
        typing.add(to + (active ? " active" : " idle"));
    }

    @Override
    public CompletableFuture<String> createSession(List<String> participants, String subject) {
        return CompletableFuture.completedFuture("sip:chat~1@parley.test");
    }

    @Override
    public CompletableFuture<Void> invite(String session, String uri) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> leave(String session) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public List<InstantMessage> history(String peerOrSession, int limit) {
        return history;
    }

    @Override
    public String name(String uri) {
        return names.getOrDefault(uri, CorePort.userPart(uri));
    }

    @Override
    public String title(String uri) {
        return "Engineer";
    }

    @Override
    public PresenceInfo presence(String uri) {
        return PresenceInfo.UNKNOWN;
    }

    @Override
    public FileTransferService files() {
        return files;
    }

    @Override
    public Path downloads() {
        return downloads;
    }

    /** A scheduler the test advances by hand. */
    static final class ManualScheduler implements Scheduler {
        record Task(Instant due, Runnable run, boolean[] cancelled) {
        }

        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        final List<Task> tasks = new ArrayList<>();

        @Override
        public Runnable schedule(Duration delay, Runnable task) {
            Task t = new Task(now.plus(delay), task, new boolean[1]);
            tasks.add(t);
            return () -> t.cancelled()[0] = true;
        }

        void advance(Duration d) {
            now = now.plus(d);
            for (Task t : List.copyOf(tasks)) {
                if (!t.due().isAfter(now) && !t.cancelled()[0]) {
                    tasks.remove(t);
                    t.run().run();
                }
            }
        }
    }
}
