package org.parley.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.client.Credentials;
import org.parley.core.sip.DigestAlgorithm;

class CredentialStoreTest {
    @TempDir
    Path dir;

    private static final String PASSWORD = "Tr0ub4dor&3-secret";

    @Test
    void hashIsTheHa1OfUserRealmAndPasswordForBothAlgorithms() {
        Credentials.Hashed h = Credentials.hash("alice", "parley.test", PASSWORD.toCharArray());
        assertThat(h.username()).isEqualTo("alice");
        assertThat(h.realm()).isEqualTo("parley.test");
        assertThat(h.md5()).isEqualTo(DigestAlgorithm.MD5.ha1("alice", "parley.test", PASSWORD)).hasSize(32);
        assertThat(h.sha256()).isEqualTo(DigestAlgorithm.SHA_256.ha1("alice", "parley.test", PASSWORD)).hasSize(64);
        assertThat(h.toString()).doesNotContain(h.md5()).doesNotContain(h.sha256());
    }

    @Test
    void savedHashesLoadBackAndTheFileHoldsNoPassword() throws Exception {
        Path file = dir.resolve("account").resolve("signin.json");
        CredentialStore store = new CredentialStore(file);
        assertThat(store.load()).isEmpty();
        Credentials.Hashed h = Credentials.hash("alice", "parley.test", PASSWORD.toCharArray());
        store.save(h);

        assertThat(new CredentialStore(file).load()).contains(h);
        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(content).contains(h.sha256()).doesNotContain(PASSWORD).doesNotContainIgnoringCase("password");
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertThat(left).as("no temporary file is left behind").containsExactly(file);
        }
    }

    @Test
    void theFileIsReadableAndWritableByItsOwnerOnly() throws Exception {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).as("POSIX file system").contains("posix");
        Path file = dir.resolve("signin.json");
        CredentialStore store = new CredentialStore(file);
        store.save(Credentials.hash("alice", "parley.test", PASSWORD.toCharArray()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        store.save(Credentials.hash("alice", "parley.test", "changed".toCharArray()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .as("a new save replaces the file, permissions included").isEqualTo("rw-------");
    }

    @Test
    void deleteForgetsAndAnUnreadableFileIsIgnored() throws Exception {
        Path file = dir.resolve("signin.json");
        CredentialStore store = new CredentialStore(file);
        store.save(Credentials.hash("alice", "parley.test", PASSWORD.toCharArray()));
        store.delete();
        assertThat(Files.exists(file)).isFalse();
        assertThat(store.load()).isEmpty();
        store.delete(); // nothing kept: no error

        Files.writeString(file, "{\"username\":\"alice\",\"realm\":\"parley.test\",\"ha1Md5\":\"nothex\"}");
        assertThat(store.load()).isEmpty();
        Files.writeString(file, "not json");
        assertThat(store.load()).isEmpty();
    }

    @Test
    void incompleteHashesAreNotSaved() {
        CredentialStore store = new CredentialStore(dir.resolve("signin.json"));
        assertThatThrownBy(() -> store.save(new Credentials.Hashed("alice", "parley.test", "abc", null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.exists(dir.resolve("signin.json"))).isFalse();
    }
}
