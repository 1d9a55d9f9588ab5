package org.parley.core.client.sip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sip.message.Request;
import org.parley.core.client.VoicemailService;
import org.parley.core.contacts.ServiceCodec;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.sip.SipMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The voicemail box over SIP (docs/protocol.md, "Voicemail"): SERVICE ops {@code voicemail.*} to one's own address
 * (audio fetched and greetings uploaded in pieces of {@link #CHUNK} bytes, 32 KiB in base64, one request each over
 * TCP/TLS), and a subscription to one's own {@code message-summary} (RFC 3842) for message-waiting.
 */
final class SipVoicemailService implements VoicemailService {
    private static final Logger LOG = LoggerFactory.getLogger(SipVoicemailService.class);
    static final String EVENT = "message-summary";
    static final String CONTENT_TYPE = "application/simple-message-summary";
    /** Raw bytes per greeting piece. */
    static final int CHUNK = 24 * 1024;
    static final long MAX_GREETING_BYTES = 12L * 1024 * 1024;

    private final Engine engine;
    private final ServiceClient service;
    private final SubscriptionFactory subscriptions;
    private final Listeners<MessageWaitingListener> listeners;
    private final String aor;
    private SipSubscription mwi;
    private volatile MessageWaiting state = MessageWaiting.NONE;

    SipVoicemailService(Engine engine, ServiceClient service, SubscriptionFactory subscriptions,
                        Listeners<MessageWaitingListener> listeners, String aor) {
        this.engine = engine;
        this.service = service;
        this.subscriptions = subscriptions;
        this.listeners = listeners;
        this.aor = aor;
    }

    /** Signed in: watch one's own message summary. Engine thread. */
    void start() {
        if (mwi == null) {
            mwi = subscriptions.create(aor, EVENT, Map.of("Accept", CONTENT_TYPE), this::onNotify);
        }
        mwi.start().exceptionally(e -> {
            LOG.info("no message-waiting indication: {}", Engine.unwrap(e).getMessage());
            return null;
        });
    }

    /** Signing out. Engine thread. */
    CompletableFuture<Void> stop() {
        return mwi == null ? CompletableFuture.completedFuture(null) : mwi.stop();
    }

    private void onNotify(Request notify) {
        MessageWaiting next = parse(SipMessages.text(notify));
        state = next;
        listeners.fire(l -> l.onMessageWaiting(next));
    }

    /** An RFC 3842 body: Messages-Waiting and the Voice-Message new/old counts. */
    static MessageWaiting parse(String body) {
        boolean waiting = false;
        int newCount = 0;
        int oldCount = 0;
        for (String line : body.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("messages-waiting")) {
                waiting = value.equalsIgnoreCase("yes");
            } else if (name.equals("voice-message")) {
                String counts = value.split("\\s+")[0];
                String[] parts = counts.split("/");
                try {
                    newCount = Integer.parseInt(parts[0].trim());
                    oldCount = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 0;
                } catch (NumberFormatException e) {
                    LOG.debug("unreadable Voice-Message line: {}", line);
                }
            }
        }
        return new MessageWaiting(waiting, newCount, oldCount);
    }

    @Override
    public MessageWaiting messageWaiting() {
        return state;
    }

    @Override
    public void addMessageWaitingListener(MessageWaitingListener listener) {
        listeners.add(listener);
    }

    private CompletableFuture<ObjectNode> op(ObjectNode request) {
        return engine.call(() -> service.call(request));
    }

    @Override
    public CompletableFuture<List<Voicemail>> list() {
        return op(ServiceCodec.request("voicemail.list")).thenApply(answer -> {
            List<Voicemail> out = new ArrayList<>();
            for (JsonNode m : answer.path("messages")) {
                out.add(new Voicemail(m.path("id").asText(), m.path("caller").asText(),
                        m.hasNonNull("callerName") ? m.get("callerName").asText() : null,
                        Instant.ofEpochMilli(m.path("received").asLong()), Duration.ofMillis(m.path("lengthMs").asLong()),
                        m.path("heard").asBoolean(), m.path("reason").asText()));
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<Path> fetch(String id, Path target) {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        OutputStream out;
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            out = Files.newOutputStream(part);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(storage(target, e));
        }
        return fetchFrom(id, 0, out).handle((v, e) -> {
            try {
                out.close();
                if (e != null) {
                    Files.deleteIfExists(part);
                    throw e instanceof ParleyException p ? p : new ParleyException(ErrorCode.INTERNAL, e.getMessage(), e);
                }
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
                return target;
            } catch (IOException io) {
                throw storage(target, io);
            }
        });
    }

    private CompletableFuture<Void> fetchFrom(String id, long offset, OutputStream out) {
        ObjectNode r = ServiceCodec.request("voicemail.fetch").put("id", id).put("offset", offset);
        return op(r).thenCompose(answer -> {
            byte[] data = Base64.getDecoder().decode(answer.path("data").asText(""));
            long total = answer.path("total").asLong();
            try {
                out.write(data);
            } catch (IOException e) {
                return CompletableFuture.failedFuture(storage(null, e));
            }
            long next = offset + data.length;
            if (next >= total || data.length == 0) {
                return CompletableFuture.completedFuture(null);
            }
            return fetchFrom(id, next, out);
        });
    }

    @Override
    public CompletableFuture<Void> markHeard(String id, boolean heard) {
        return op(ServiceCodec.request("voicemail.heard").put("id", id).put("heard", heard)).thenApply(a -> null);
    }

    @Override
    public CompletableFuture<Void> delete(String id) {
        return op(ServiceCodec.request("voicemail.delete").put("id", id)).thenApply(a -> null);
    }

    @Override
    public CompletableFuture<Void> setGreeting(Path wav) {
        if (wav == null) {
            return op(ServiceCodec.request("voicemail.greeting.reset")).thenApply(a -> null);
        }
        byte[] content;
        try {
            if (Files.size(wav) > MAX_GREETING_BYTES) {
                return CompletableFuture.failedFuture(new ParleyException(ErrorCode.INVALID_ARGUMENT,
                        "a greeting is at most 60 s: " + wav + " is too large"));
            }
            content = Files.readAllBytes(wav);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(storage(wav, e));
        }
        return putGreeting(content, 0);
    }

    private CompletableFuture<Void> putGreeting(byte[] content, int offset) {
        int n = Math.min(CHUNK, content.length - offset);
        boolean last = offset + n >= content.length;
        byte[] piece = java.util.Arrays.copyOfRange(content, offset, offset + n);
        ObjectNode r = ServiceCodec.request("voicemail.greeting.put").put("offset", offset)
                .put("data", Base64.getEncoder().encodeToString(piece)).put("final", last);
        return op(r).thenCompose(a -> last ? CompletableFuture.completedFuture(null) : putGreeting(content, offset + n));
    }

    private static ParleyException storage(Path file, IOException e) {
        return new ParleyException(ErrorCode.STORAGE_FAILURE,
                (file == null ? "voicemail file" : file.toString()) + ": " + e.getMessage(), e);
    }
}
