package org.parley.core.client.sip;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Where received files land: safe names inside the chosen directory, free names, and the SHA-1 check. */
final class SavedFiles {
    private SavedFiles() {
    }

    /**
     * The offered name without any directory part or character that means something to a file system:
     * {@code ../../etc/passwd} becomes {@code passwd}; nothing usable left becomes {@code file}.
     */
    static String safeName(String offered) {
        String n = offered == null ? "" : offered.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            b.append(c < 0x20 || c == 0x7f || "<>:\"|?*".indexOf(c) >= 0 ? '_' : c);
        }
        String s = b.toString().strip();
        while (s.startsWith(".")) {
            s = s.substring(1);
        }
        if (s.length() > 200) {
            int dot = s.lastIndexOf('.');
            String ext = dot > 0 && s.length() - dot <= 16 ? s.substring(dot) : "";
            s = s.substring(0, 200 - ext.length()) + ext;
        }
        return s.isEmpty() ? "file" : s;
    }

    /** Moves {@code temp} into {@code dir} as {@code name}, or {@code name (1).ext}, ... when taken. */
    static Path moveToFreeName(Path temp, Path dir, String name) throws IOException {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int i = 0; i < 1000; i++) {
            Path candidate = dir.resolve(i == 0 ? name : base + " (" + i + ")" + ext);
            if (!candidate.normalize().getParent().equals(dir.normalize())) {
                throw new IOException("refusing to write outside " + dir);
            }
            if (Files.exists(candidate)) {
                continue;
            }
            try {
                return Files.move(temp, candidate);
            } catch (FileAlreadyExistsException taken) {
                // someone took it just now: next name
            }
        }
        throw new IOException("no free name for " + name + " in " + dir);
    }

    /** SHA-1 of a file as SDP writes it: upper-case hex pairs separated by colons. */
    static String sha1(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean sameHash(String a, String b) {
        return a.replace(":", "").toUpperCase(Locale.ROOT).equals(b.replace(":", "").toUpperCase(Locale.ROOT));
    }
}
