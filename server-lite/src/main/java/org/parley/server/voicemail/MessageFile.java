package org.parley.server.voicemail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A message's WAV file: a plain 16-bit mono PCM RIFF/WAVE file with one extra chunk after the audio, {@code prly},
 * holding the message's details as JSON (owner, caller, caller name, time, reason), so the file alone is enough to
 * restore its row after a kill. Players skip chunks they do not know.
 */
final class MessageFile {
    /** Messages are stored at 16 kHz (wideband speech; a third of the engine's 48 kHz). */
    static final int RATE = 16000;
    private static final int DETAILS = 0x796c7270; // "prly"
    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageFile() {
    }

    static void write(Path file, short[] samples, int rate, VoicemailStore.Message m) throws IOException {
        ObjectNode d = JSON.createObjectNode();
        d.put("owner", m.owner()).put("caller", m.caller()).put("callerName", m.callerName())
                .put("received", m.received().toEpochMilli()).put("reason", m.reason());
        byte[] details = JSON.writeValueAsBytes(d);
        int pad = details.length & 1;
        int data = 2 * samples.length;
        ByteBuffer b = ByteBuffer.allocate(44 + data + 8 + details.length + pad).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(b.capacity() - 8).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16);
        b.putInt(0x61746164).putInt(data);
        for (short s : samples) {
            b.putShort(s);
        }
        b.putInt(DETAILS).putInt(details.length).put(details);
        if (pad == 1) {
            b.put((byte) 0);
        }
        Durable.write(file, b.array());
    }

    /** The details a finished file carries (for a row lost in a kill); missing details get neutral values. */
    static VoicemailStore.Message details(Path file, String id, String owner) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        long samples = 0;
        int rate = RATE;
        JsonNode d = JSON.createObjectNode();
        int pos = 12;
        while (pos + 8 <= b.limit()) {
            int chunk = b.getInt(pos);
            int size = b.getInt(pos + 4);
            if (size < 0 || pos + 8L + size > b.limit()) {
                break;
            }
            if (chunk == 0x20746d66) {
                rate = b.getInt(pos + 12);
            } else if (chunk == 0x61746164) {
                samples = size / 2;
            } else if (chunk == DETAILS) {
                d = JSON.readTree(new String(b.array(), pos + 8, size, StandardCharsets.UTF_8));
            }
            pos += 8 + size + (size & 1);
        }
        Instant received = d.hasNonNull("received") ? Instant.ofEpochMilli(d.get("received").asLong())
                : Files.getLastModifiedTime(file).toInstant();
        return new VoicemailStore.Message(id, owner, d.path("caller").asText("unknown"),
                d.hasNonNull("callerName") ? d.get("callerName").asText() : null, received,
                Duration.ofMillis(rate > 0 ? samples * 1000 / rate : 0), false, d.path("reason").asText("unavailable"));
    }
}
