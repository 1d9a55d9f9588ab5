package org.parley.attendant.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.parley.server.testsupport.FreePorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One headless baresip phone (Debian {@code baresip}) for the console's interop test: registers one account through
 * server-lite over UDP, sends a sine from a WAV file (aufile), plays nowhere (aubridge) and takes menu commands on a
 * UDP console (cons). A trimmed copy of server-lite's package-private interop {@code BaresipAgent}.
 */
public final class BaresipPhone implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BaresipPhone.class);
    static final String NOT_INSTALLED = "baresip not installed: apt-get install baresip";
    private static final Path MODULES = Path.of("/usr/lib/baresip/modules");

    private final String user;
    private final Process process;
    private final int consolePort;
    private final Path log;
    private final DatagramSocket console;

    private BaresipPhone(String user, Process process, int consolePort, Path log) throws IOException {
        this.user = user;
        this.process = process;
        this.consolePort = consolePort;
        this.log = log;
        this.console = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
    }

    /**
     * Starts baresip for {@code user@domain} in {@code dir}, registering through 127.0.0.1:{@code proxyPort}, sending
     * a {@code toneHz} sine, with SRTP-SDES required ({@code mediaenc=srtp-mand}).
     */
    public static BaresipPhone start(Path dir, String user, String password, String domain, int proxyPort,
                                     double toneHz) {
        String baresip = requireBaresip();
        try {
            Files.createDirectories(dir);
            Path tone = dir.resolve("tone.wav");
            ToneWav.writeSine(tone, 8000, toneHz, 30);
            int sipPort = sipPortWithFreeTlsNeighbour();
            int consolePort = FreePorts.udpAndTcp();
            Files.writeString(dir.resolve("config"), String.join("\n",
                    "poll_method epoll",
                    "sip_listen 127.0.0.1:" + sipPort,
                    "net_interface 127.0.0.1",
                    "audio_player aubridge," + user + "-nowhere",
                    "audio_alert aubridge," + user + "-nowhere",
                    "audio_source aufile," + tone,
                    "module_path " + MODULES,
                    "module g711.so",
                    "module aufile.so",
                    "module aubridge.so",
                    "module cons.so",
                    "module srtp.so",
                    "module_app account.so",
                    "module_app menu.so",
                    "cons_listen 127.0.0.1:" + consolePort,
                    ""));
            Files.writeString(dir.resolve("accounts"), "<sip:" + user + "@" + domain + ">;auth_pass=" + password
                    + ";outbound=\"sip:127.0.0.1:" + proxyPort + ";transport=udp\";regint=600;mediaenc=srtp-mand\n");
            Files.writeString(dir.resolve("contacts"), "\n");
            Path log = dir.resolve("baresip.log");
            List<String> cmd = List.of(baresip, "-4", "-s", "-f", dir.toAbsolutePath().toString());
            LOG.info("baresip {}: {} (sip 127.0.0.1:{}, console {})", user, cmd, sipPort, consolePort);
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            return new BaresipPhone(user, p, consolePort, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start baresip for " + user, e);
        }
    }

    /** The baresip executable on PATH with the modules this phone loads; fails the test (never skips) otherwise. */
    public static String requireBaresip() {
        String found = null;
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, "baresip"))) {
                found = Path.of(d, "baresip").toString();
                break;
            }
        }
        if (found == null) {
            return fail(NOT_INSTALLED);
        }
        for (String m : List.of("g711", "aufile", "aubridge", "cons", "srtp", "account", "menu")) {
            if (!Files.exists(MODULES.resolve(m + ".so"))) {
                return fail("baresip module " + MODULES.resolve(m + ".so") + " missing: " + NOT_INSTALLED);
            }
        }
        return found;
    }

    /** baresip also listens for SIP over TLS on the SIP port + 1, so that port must be free too. */
    private static int sipPortWithFreeTlsNeighbour() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = FreePorts.udpAndTcp();
            if (port < 65535) {
                try (ServerSocket s = new ServerSocket()) {
                    s.bind(new InetSocketAddress("127.0.0.1", port + 1));
                    return port;
                } catch (IOException busy) {
                    // try another
                }
            }
        }
        throw new IllegalStateException("no SIP port with a free neighbour found");
    }

    /** Sends one menu command (e.g. {@code /dial sip:frontdesk@parley.test}) to the UDP console. */
    public void command(String command) {
        byte[] line = (command + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            console.send(new DatagramPacket(line, line.length, new InetSocketAddress("127.0.0.1", consolePort)));
        } catch (IOException e) {
            throw new UncheckedIOException("console of " + user, e);
        }
        LOG.info("baresip {} <- {}", user, command);
    }

    /** Waits until the phone's log matches {@code regex}; fails with the log otherwise. */
    public void await(String what, String regex, Duration timeout) {
        Pattern p = Pattern.compile(regex);
        long end = System.nanoTime() + timeout.toNanos();
        while (!p.matcher(output()).find()) {
            if (!process.isAlive()) {
                fail(user + ": baresip exited (code " + process.exitValue() + ") before " + what + "\n" + describe());
            }
            if (System.nanoTime() > end) {
                fail(user + ": no " + what + " within " + timeout.toSeconds() + " s (looked for /" + regex + "/)\n"
                        + describe());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }

    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1)
                    .replaceAll("\u001B\\[[;0-9]*m", "") : "";
        } catch (IOException e) {
            return "(unreadable " + log + ")";
        }
    }

    /** The log without the per-second status lines, for assertion messages. */
    public String describe() {
        String out = output().replaceAll("(\\[\\d+:\\d\\d:\\d\\d\\] audio=[^ ]+ \\(bit/s\\)\\s*)+", "[status lines]\n");
        return "--- baresip " + user + " output ---\n"
                + (out.length() > 12_000 ? "...\n" + out.substring(out.length() - 12_000) : out);
    }

    /** Quits baresip through its console, killing it when it does not exit within 5 s. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                command("/quit");
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    LOG.warn("baresip {} did not quit; killing it", user);
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException | UncheckedIOException e) {
            process.destroyForcibly();
        } finally {
            console.close();
        }
    }
}
