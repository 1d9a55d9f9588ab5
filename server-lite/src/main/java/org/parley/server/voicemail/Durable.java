package org.parley.server.voicemail;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Files that survive a kill: written, fsynced, renamed into place atomically, and their directory fsynced. */
final class Durable {
    private Durable() {
    }

    static void write(Path file, byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(content);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
    }

    /** Fsyncs {@code from}, renames it to {@code to} (replacing it) atomically, and fsyncs the directory. */
    static void moveIntoPlace(Path from, Path to) throws IOException {
        try (FileChannel ch = FileChannel.open(from, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(to.toAbsolutePath().getParent());
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some platforms cannot open a directory; the rename itself is still atomic there
        }
    }
}
