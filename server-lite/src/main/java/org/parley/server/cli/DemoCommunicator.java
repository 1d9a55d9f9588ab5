package org.parley.server.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Communicator that {@code ./parley demo} opens beside its server, signed in as one demo user, and the Attendant
 * console it opens signed in as the demo receptionist ({@link App}).
 *
 * <p>The password never appears on a command line or in a readable file: at seeding the demo keeps that one user's
 * password in {@code DATA/communicator.password}, readable by its owner only (as the server database beside it), and
 * here writes it to the client's stdin ({@code --password-stdin}). The client is started through the launcher the
 * {@code parley} script exports as {@code PARLEY_LAUNCHER}. Closing the client leaves the server running; stopping the
 * demo (Ctrl-C) stops the client too.
 */
final class DemoCommunicator {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCommunicator.class);
    static final String USER = "alice";
    static final String PASSWORD_FILE = "communicator.password";
    static final String LAUNCHER_ENV = "PARLEY_LAUNCHER";
    /** The demo receptionist: the reception line's attendant, signed in to the Attendant console. */
    static final String ATTENDANT_USER = "carol";

    /** A desktop app the demo opens: its launcher command, user, password file and data directory under DATA. */
    enum App {
        COMMUNICATOR("client", USER, PASSWORD_FILE, "communicator", "a Communicator"),
        ATTENDANT("attendant", ATTENDANT_USER, "attendant.password", "attendant", "an Attendant console");

        final String command;
        final String user;
        final String passwordFile;
        final String dataDir;
        final String title;

        App(String command, String user, String passwordFile, String dataDir, String title) {
            this.command = command;
            this.user = user;
            this.passwordFile = passwordFile;
            this.dataDir = dataDir;
            this.title = title;
        }
    }

    private DemoCommunicator() {
    }

    /** Why no client is opened, or empty when one can be. */
    static Optional<String> reasonToSkip(boolean noClient, String osName, Map<String, String> env) {
        if (noClient) {
            return Optional.of("--no-client");
        }
        String launcher = env.get(LAUNCHER_ENV);
        if (launcher == null || launcher.isBlank()) {
            return Optional.of(LAUNCHER_ENV + " is not set (run the demo through ./parley demo)");
        }
        if (needsDisplayVariable(osName) && blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            return Optional.of("no display (neither DISPLAY nor WAYLAND_DISPLAY is set)");
        }
        return Optional.empty();
    }

    /** Windows and macOS always have a desktop; other systems show windows through X11 or Wayland. */
    static boolean needsDisplayVariable(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        return !(os.startsWith("windows") || os.startsWith("mac"));
    }

    /** The client's command line: no password on it (it goes to stdin). */
    static List<String> command(String launcher, String host, int port, String transport, String domain, Path dataDir) {
        return command(App.COMMUNICATOR, launcher, host, port, transport, domain, dataDir);
    }

    /** An app's command line: no password on it (it goes to stdin). */
    static List<String> command(App app, String launcher, String host, int port, String transport, String domain,
                                Path dataDir) {
        List<String> cmd = new ArrayList<>(List.of(launcher, app.command, "--server", host, "--port",
                Integer.toString(port), "--transport", transport, "--user", app.user + "@" + domain, "--password-stdin",
                "--data", dataDir.resolve(app.dataDir).toAbsolutePath().toString()));
        return List.copyOf(cmd);
    }

    /** Keeps the demo client's password beside the database, owner-only; fails if the file exists. */
    static void savePassword(Path dataDir, String password) throws IOException {
        savePassword(App.COMMUNICATOR, dataDir, password);
    }

    /** Keeps an app user's password beside the database, owner-only; fails if the file exists. */
    static void savePassword(App app, Path dataDir, String password) throws IOException {
        Path file = dataDir.resolve(app.passwordFile);
        if (Files.getFileStore(dataDir).supportsFileAttributeView("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
    }

    /** The saved password, or empty when the demo was seeded before this file existed. */
    static Optional<String> savedPassword(Path dataDir) throws IOException {
        return savedPassword(App.COMMUNICATOR, dataDir);
    }

    /** An app user's saved password, or empty when the demo was seeded before its file existed. */
    static Optional<String> savedPassword(App app, Path dataDir) throws IOException {
        Path file = dataDir.resolve(app.passwordFile);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String line = Files.readString(file, StandardCharsets.UTF_8).strip();
        return line.isEmpty() ? Optional.empty() : Optional.of(line);
    }

    /** Replaces a saved password (the demo reset it). */
    static void replacePassword(Path dataDir, String password) throws IOException {
        replacePassword(App.COMMUNICATOR, dataDir, password);
    }

    /** Replaces an app user's saved password. */
    static void replacePassword(App app, Path dataDir, String password) throws IOException {
        Files.deleteIfExists(dataDir.resolve(app.passwordFile));
        try {
            savePassword(app, dataDir, password);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot replace " + e.getFile(), e);
        }
    }

    /**
     * Starts the client with the password on its stdin; its output goes to {@code DATA/communicator/client.log}. A
     * watcher prints when it ends; a shutdown hook stops it with the demo.
     */
    static Process start(List<String> command, Path dataDir, char[] password, PrintWriter out) throws IOException {
        return start(App.COMMUNICATOR, command, dataDir, password, out);
    }

    /** Starts an app as {@link #start(List, Path, char[], PrintWriter)} does; its log is DATA/APPDIR/client.log. */
    static Process start(App app, List<String> command, Path dataDir, char[] password, PrintWriter out)
            throws IOException {
        Path dir = dataDir.resolve(app.dataDir);
        Files.createDirectories(dir);
        Path log = dir.resolve("client.log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p = pb.start();
        try (OutputStream stdin = p.getOutputStream()) {
            byte[] line = (new String(password) + "\n").getBytes(StandardCharsets.UTF_8);
            stdin.write(line);
            java.util.Arrays.fill(line, (byte) 0);
        }
        out.printf("opening %s signed in as %s (log: %s); closing it leaves the server running%n", app.title,
                command.get(command.indexOf("--user") + 1), log);
        out.flush();
        java.util.concurrent.atomic.AtomicBoolean demoStopping = new java.util.concurrent.atomic.AtomicBoolean();
        Thread hook = new Thread(() -> {
            demoStopping.set(true);
            stop(p);
        }, "parley-demo-client-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Thread watcher = new Thread(() -> {
            try {
                int code = p.waitFor();
                if (!demoStopping.get()) {
                    out.printf("the %s ended (exit %d); the server keeps running: Ctrl-C stops it%n",
                            app.title.substring(app.title.indexOf(' ') + 1), code);
                    out.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "parley-demo-client-watch");
        watcher.setDaemon(true);
        watcher.start();
        return p;
    }

    private static void stop(Process p) {
        if (!p.isAlive()) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("demo app stopped (pid {})", p.pid());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String requireLauncher(Map<String, String> env) {
        return Objects.requireNonNull(env.get(LAUNCHER_ENV), LAUNCHER_ENV);
    }
}
