package org.parley.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.parley.core.client.Credentials;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Remember me" without a password (decision 0006): keeps one account's {@link Credentials.Hashed} digest hashes in
 * a small JSON file readable by its owner only (POSIX rw-------; on Windows an ACL granting the owner alone, best
 * effort). Written to a temporary file made owner-only at creation, then moved over the old one atomically, so a
 * crash leaves the old file or the new one, never half of one.
 */
public final class CredentialStore {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int FORMAT = 1;

    private final Path file;

    public CredentialStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    /** Replaces what is kept with these hashes. */
    public synchronized void save(Credentials.Hashed credentials) {
        check(credentials);
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("username", credentials.username());
        o.put("realm", credentials.realm());
        o.put("ha1Md5", credentials.md5());
        o.put("ha1Sha256", credentials.sha256());
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = ownerOnlyTempFile();
            try (OutputStream out = Files.newOutputStream(tmp)) {
                JSON.writeValue(out, o);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ParleyException(ErrorCode.STORAGE_FAILURE, "cannot save the sign-in to " + file + ": "
                    + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    /** What is kept, or empty when nothing is (or the file is unreadable: it is then ignored, not trusted). */
    public synchronized Optional<Credentials.Hashed> load() {
        try {
            JsonNode o = JSON.readTree(Files.readAllBytes(file));
            Credentials.Hashed h = new Credentials.Hashed(text(o, "username"), text(o, "realm"), text(o, "ha1Md5"),
                    text(o, "ha1Sha256"));
            check(h);
            return Optional.of(h);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring the saved sign-in in {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Forgets what is kept (no error when nothing is). */
    public synchronized void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new ParleyException(ErrorCode.STORAGE_FAILURE, "cannot delete the saved sign-in " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static void check(Credentials.Hashed h) {
        if (h.username() == null || h.username().isBlank() || h.realm() == null || h.realm().isBlank()) {
            throw new IllegalArgumentException("hashed credentials need a user name and a realm");
        }
        if (h.md5() == null || !MD5.matcher(h.md5()).matches() || h.sha256() == null
                || !SHA256.matcher(h.sha256()).matches()) {
            throw new IllegalArgumentException("hashed credentials need the MD5 and SHA-256 HA1 in lower-case hex");
        }
    }

    /** An empty file next to the target, owner-only from the start. */
    private Path ownerOnlyTempFile() throws IOException {
        Path dir = file.getParent();
        String prefix = "." + file.getFileName() + ".";
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<?> rw = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            return Files.createTempFile(dir, prefix, ".tmp", rw);
        }
        Path tmp = Files.createTempFile(dir, prefix, ".tmp");
        restrictAcl(tmp);
        return tmp;
    }

    /** Windows: replace the inherited ACL with one entry granting the owner everything. Best effort. */
    private static void restrictAcl(Path p) {
        AclFileAttributeView view = Files.getFileAttributeView(p, AclFileAttributeView.class);
        if (view == null) {
            LOG.warn("cannot restrict access to {}: the file system has neither POSIX permissions nor ACLs", p);
            return;
        }
        try {
            UserPrincipal owner = view.getOwner();
            AclEntry entry = AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build();
            view.setAcl(List.of(entry));
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot restrict access to {} to its owner: {}", p, e.getMessage());
        }
    }
}
