package org.parley.server.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.media.Wav;
import org.parley.server.store.Database;
import org.parley.server.store.SqliteDialect;

/** Start-up repair of the store: what a kill at each step of a deposit leaves behind. */
class VoicemailStoreTest {
    @TempDir
    Path data;

    private static VoicemailStore.Message message(String id, String owner) {
        return new VoicemailStore.Message(id, owner, "sip:carol@example.org", "Carol",
                Instant.now().truncatedTo(ChronoUnit.MILLIS), Duration.ofMillis(250), false, "busy");
    }

    @Test
    void finishedFileWithoutRowGetsItsRowBackFromTheFilesDetails() throws Exception {
        String id;
        VoicemailStore.Message m;
        try (Database db = Database.open(data, new SqliteDialect())) {
            VoicemailStore store = new VoicemailStore(db, data);
            id = store.newId();
            m = message(id, "bob");
            // a kill after the rename, before the row: only the file exists
            Path dir = Files.createDirectories(store.box("bob"));
            MessageFile.write(dir.resolve(id + ".wav"), new short[4000], MessageFile.RATE, m);
        }
        try (Database db = Database.open(data, new SqliteDialect())) {
            VoicemailStore store = new VoicemailStore(db, data);
            assertThat(store.reconcile()).isEqualTo(1);
            assertThat(store.list("bob")).containsExactly(m);
            assertThat(Wav.read(store.file("bob", id).orElseThrow()).samples()).hasSize(4000);
        }
    }

    @Test
    void unfinishedPartFilesAreRemovedAndRowsWithoutFilesDropped() throws Exception {
        try (Database db = Database.open(data, new SqliteDialect())) {
            VoicemailStore store = new VoicemailStore(db, data);
            VoicemailStore.Message kept = store.deposit(message(store.newId(), "bob"), new short[100]);
            VoicemailStore.Message gone = store.deposit(message(store.newId(), "bob"), new short[100]);
            Files.delete(store.box("bob").resolve(gone.id() + ".wav"));
            Path part = store.box("bob").resolve(store.newId() + ".wav.part");
            Files.write(part, new byte[10]);
            assertThat(store.reconcile()).isZero();
            assertThat(part).doesNotExist();
            assertThat(store.list("bob")).extracting(VoicemailStore.Message::id).containsExactly(kept.id());
        }
    }
}
