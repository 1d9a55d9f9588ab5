package org.parley.server.voicemail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.parley.core.media.Wav;
import org.parley.server.service.ServiceError;
import org.parley.server.service.ServiceOp;

/**
 * The SERVICE operations of one's own mailbox (docs/protocol.md, "Voicemail"): list, fetch (the WAV in pieces of at
 * most {@link #CHUNK} bytes, base64), heard, delete, greeting.put (pieces, the last with {@code final}) and
 * greeting.reset. Heard changes and deletions notify message-waiting.
 */
public final class VoicemailOps {
    /** Raw bytes per fetched or uploaded piece: 24 KiB, 32 KiB in base64, one SIP request over TCP/TLS. */
    public static final int CHUNK = 24 * 1024;
    static final int MAX_GREETING_SECONDS = 60;
    static final long MAX_GREETING_BYTES = 12L * 1024 * 1024;

    private VoicemailOps() {
    }

    public static List<ServiceOp> all(VoicemailStore store, Consumer<String> boxChanged) {
        return List.of(
                op("voicemail.list", (user, args) -> {
                    ObjectNode out = object();
                    ArrayNode list = out.putArray("messages");
                    for (VoicemailStore.Message m : store.list(user)) {
                        list.addObject().put("id", m.id()).put("caller", m.caller()).put("callerName", m.callerName())
                                .put("received", m.received().toEpochMilli()).put("lengthMs", m.length().toMillis())
                                .put("heard", m.heard()).put("reason", m.reason());
                    }
                    return out;
                }),
                op("voicemail.fetch", (user, args) -> {
                    Path file = store.file(user, text(args, "id")).orElseThrow(() -> ServiceError.notFound("no such message"));
                    long offset = args.path("offset").asLong(0);
                    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
                        long total = f.length();
                        if (offset < 0 || offset > total) {
                            throw ServiceError.badRequest("offset out of range");
                        }
                        byte[] piece = new byte[(int) Math.min(CHUNK, total - offset)];
                        f.seek(offset);
                        f.readFully(piece);
                        return object().put("offset", offset).put("total", total)
                                .put("data", Base64.getEncoder().encodeToString(piece));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }),
                op("voicemail.heard", (user, args) -> {
                    if (!store.markHeard(user, text(args, "id"), args.path("heard").asBoolean(true))) {
                        throw ServiceError.notFound("no such message");
                    }
                    boxChanged.accept(user);
                    return object();
                }),
                op("voicemail.delete", (user, args) -> {
                    try {
                        if (!store.delete(user, text(args, "id"))) {
                            throw ServiceError.notFound("no such message");
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    boxChanged.accept(user);
                    return object();
                }),
                op("voicemail.greeting.put", (user, args) -> putGreeting(store, user, args)),
                op("voicemail.greeting.reset", (user, args) -> {
                    try {
                        store.resetGreeting(user);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return object();
                }));
    }

    private static ObjectNode putGreeting(VoicemailStore store, String user, JsonNode args) {
        long offset = args.path("offset").asLong(-1);
        byte[] data;
        try {
            data = Base64.getDecoder().decode(args.path("data").asText(""));
        } catch (IllegalArgumentException e) {
            throw ServiceError.badRequest("data is not base64");
        }
        if (data.length > CHUNK * 2) {
            throw new ServiceError(413, "pieces are at most " + CHUNK + " bytes");
        }
        try {
            Path upload = store.greetingUpload(user);
            long have = offset == 0 ? 0 : Files.exists(upload) ? Files.size(upload) : 0;
            if (offset != have) {
                throw ServiceError.conflict("expected offset " + have);
            }
            if (offset + data.length > MAX_GREETING_BYTES) {
                throw new ServiceError(413, "a greeting is at most " + MAX_GREETING_SECONDS + " s");
            }
            if (offset == 0) {
                Files.write(upload, data);
            } else {
                Files.write(upload, data, StandardOpenOption.APPEND);
            }
            if (args.path("final").asBoolean(false)) {
                Wav.Pcm pcm;
                try {
                    pcm = Wav.read(upload);
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(upload);
                    throw ServiceError.badRequest("not a 16-bit PCM WAV file: " + e.getMessage());
                }
                if (pcm.seconds() > MAX_GREETING_SECONDS || pcm.sampleRate() < 8000) {
                    Files.deleteIfExists(upload);
                    throw ServiceError.badRequest("a greeting is 8 kHz or more and at most " + MAX_GREETING_SECONDS + " s");
                }
                store.installGreeting(user, upload);
            }
            return object().put("received", offset + data.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode args, String field) {
        String v = args.path(field).asText("");
        if (v.isEmpty()) {
            throw ServiceError.badRequest("missing '" + field + "'");
        }
        return v;
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    private interface Handler {
        ObjectNode handle(String user, JsonNode args);
    }

    private static ServiceOp op(String name, Handler h) {
        return new ServiceOp() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ObjectNode handle(String user, JsonNode args) {
                return h.handle(user, args);
            }
        };
    }
}
