package org.parley.server.voicemail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.parley.server.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Voicemail messages: one WAV file per message under {@code DATA/voicemail/<owner>/<id>.wav} (16 kHz 16-bit mono,
 * its details in a trailing chunk, see {@link MessageFile}) and one row of the {@code voicemail} table. A deposit
 * writes {@code <id>.wav.part}, fsyncs it, renames it into place atomically, fsyncs the directory, then inserts the
 * row in one transaction; {@link #reconcile()} at start-up gives a finished file without a row its row (from the
 * file's own details), removes left-over {@code .part} files (a kill while the file was being written: the call had
 * not been acknowledged as stored) and rows whose file is gone. Deleting removes the file first, then the row.
 */
public final class VoicemailStore {
    private static final Logger LOG = LoggerFactory.getLogger(VoicemailStore.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern USER = Pattern.compile("[a-z0-9._-]{1,64}");
    static final String GREETING = "greeting.wav";

    /** One stored message. */
    public record Message(String id, String owner, String caller, String callerName, Instant received, Duration length,
                          boolean heard, String reason) {
    }

    /** New and heard messages of one box. */
    public record Counts(int newMessages, int oldMessages) {
    }

    private final Database db;
    private final Path root;
    private final SecureRandom random = new SecureRandom();

    public VoicemailStore(Database db, Path dataDir) {
        this.db = db;
        this.root = dataDir.resolve("voicemail");
    }

    /** The directory of {@code owner}'s box (not created). */
    Path box(String owner) {
        if (!USER.matcher(owner).matches()) {
            throw new IllegalArgumentException("not a mailbox name: " + owner);
        }
        return root.resolve(owner);
    }

    public String newId() {
        byte[] b = new byte[8];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * Stores a finished recording durably (file, fsync, rename, row); when this returns the message survives a kill.
     *
     * @param samples 16 kHz mono PCM
     */
    public Message deposit(Message m, short[] samples) throws IOException {
        Path dir = Files.createDirectories(box(m.owner()));
        Path part = dir.resolve(m.id() + ".wav.part");
        Path done = dir.resolve(m.id() + ".wav");
        MessageFile.write(part, samples, MessageFile.RATE, m);
        Durable.moveIntoPlace(part, done);
        insert(m);
        return m;
    }

    private void insert(Message m) {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO voicemail (id, owner, caller, caller_name, "
                    + "received_at, length_ms, heard, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, m.id());
                s.setString(2, m.owner());
                s.setString(3, m.caller());
                s.setString(4, m.callerName());
                s.setLong(5, m.received().toEpochMilli());
                s.setLong(6, m.length().toMillis());
                s.setInt(7, m.heard() ? 1 : 0);
                s.setString(8, m.reason());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** {@code owner}'s messages, newest first. */
    public List<Message> list(String owner) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, owner, caller, caller_name, received_at, length_ms, "
                    + "heard, reason FROM voicemail WHERE owner = ? ORDER BY received_at DESC, id")) {
                s.setString(1, owner);
                List<Message> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Message(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                                Instant.ofEpochMilli(r.getLong(5)), Duration.ofMillis(r.getLong(6)), r.getInt(7) != 0,
                                r.getString(8)));
                    }
                }
                return out;
            }
        });
    }

    public Optional<Message> find(String owner, String id) {
        return list(owner).stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public Counts counts(String owner) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT SUM(CASE WHEN heard = 0 THEN 1 ELSE 0 END), SUM(heard) FROM voicemail WHERE owner = ?")) {
                s.setString(1, owner);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? new Counts(r.getInt(1), r.getInt(2)) : new Counts(0, 0);
                }
            }
        });
    }

    /** The audio file of a stored message (empty when there is no such message of {@code owner}). */
    public Optional<Path> file(String owner, String id) {
        if (!ID.matcher(id).matches() || find(owner, id).isEmpty()) {
            return Optional.empty();
        }
        Path f = box(owner).resolve(id + ".wav");
        return Files.exists(f) ? Optional.of(f) : Optional.empty();
    }

    /** Marks a message heard or new; false when {@code owner} has no such message. */
    public boolean markHeard(String owner, String id, boolean heard) {
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE voicemail SET heard = ? WHERE owner = ? AND id = ?")) {
                s.setInt(1, heard ? 1 : 0);
                s.setString(2, owner);
                s.setString(3, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Deletes a message (file first, then row: a kill in between leaves a row that {@link #reconcile} drops). */
    public boolean delete(String owner, String id) throws IOException {
        if (!ID.matcher(id).matches() || find(owner, id).isEmpty()) {
            return false;
        }
        Files.deleteIfExists(box(owner).resolve(id + ".wav"));
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM voicemail WHERE owner = ? AND id = ?")) {
                s.setString(1, owner);
                s.setString(2, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** The user's own greeting, if one was uploaded. */
    public Optional<Path> greeting(String owner) {
        Path g = box(owner).resolve(GREETING);
        return Files.exists(g) ? Optional.of(g) : Optional.empty();
    }

    /** Where an upload of {@code owner}'s greeting collects (renamed into place by {@link #installGreeting}). */
    Path greetingUpload(String owner) throws IOException {
        return Files.createDirectories(box(owner)).resolve(GREETING + ".upload.part");
    }

    void installGreeting(String owner, Path upload) throws IOException {
        Durable.moveIntoPlace(upload, box(owner).resolve(GREETING));
    }

    public void resetGreeting(String owner) throws IOException {
        Files.deleteIfExists(box(owner).resolve(GREETING));
    }

    /**
     * Start-up repair after a kill: rows for finished files that have none, no {@code .part} files, no rows without
     * a file. Returns the number of messages whose row was restored.
     */
    public int reconcile() {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        Set<String> known = new HashSet<>();
        db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM voicemail"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    known.add(r.getString(1));
                }
            }
            return null;
        });
        int restored = 0;
        Set<String> present = new HashSet<>();
        try (DirectoryStream<Path> boxes = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : boxes) {
                String owner = dir.getFileName().toString();
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                    for (Path f : files) {
                        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                        if (name.endsWith(".part")) {
                            LOG.info("removing unfinished voicemail file {}", f);
                            Files.deleteIfExists(f);
                        } else if (name.endsWith(".wav") && ID.matcher(name.substring(0, name.length() - 4)).matches()) {
                            String id = name.substring(0, name.length() - 4);
                            present.add(id);
                            if (!known.contains(id)) {
                                insert(MessageFile.details(f, id, owner));
                                LOG.info("restored voicemail {} of {} from its file", id, owner);
                                restored++;
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reconcile voicemail under " + root, e);
        }
        for (String id : known) {
            if (!present.contains(id)) {
                LOG.warn("voicemail {} has no audio file any more; dropping its row", id);
                db.write(c -> {
                    try (PreparedStatement s = c.prepareStatement("DELETE FROM voicemail WHERE id = ?")) {
                        s.setString(1, id);
                        return s.executeUpdate();
                    }
                });
            }
        }
        return restored;
    }
}
