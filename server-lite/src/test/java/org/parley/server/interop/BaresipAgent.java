package org.parley.server.interop;

import static java.util.stream.Collectors.joining;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.parley.server.testsupport.FreePorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One headless baresip (Debian {@code baresip}) user agent with its own config directory: registers one account
 * through an outbound proxy, sends a sine tone from a WAV file (aufile), records what it receives (sndfile), plays
 * nowhere (aubridge), and takes menu commands on a UDP console (cons) on 127.0.0.1.
 */
public final class BaresipAgent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BaresipAgent.class);
    static final String NOT_INSTALLED = "baresip not installed: apt-get install baresip";
    static final Path MODULES = Path.of("/usr/lib/baresip/modules");
    private static final List<String> NEEDED_MODULES = List.of("g711", "aufile", "aubridge", "sndfile", "cons",
            "account", "menu");
    private static final Pattern RTP_PACKETS = Pattern.compile("(?m)^packets:\\s+(\\d+)\\s+(\\d+)");

    private final String user;
    private final Path dir;
    private final Process process;
    private final int consolePort;
    private final Path log;
    /** Commands go out from this socket; baresip's cons module sends its UI output (replies, received MESSAGEs) back to it. */
    private final DatagramSocket console;
    private final StringBuffer consoleText = new StringBuffer();

    private BaresipAgent(String user, Path dir, Process process, int consolePort, Path log) {
        this.user = user;
        this.dir = dir;
        this.process = process;
        this.consolePort = consolePort;
        this.log = log;
        try {
            this.console = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        } catch (IOException e) {
            throw new UncheckedIOException("console socket of " + user, e);
        }
        Thread reader = new Thread(this::readConsole, "baresip-console-" + user);
        reader.setDaemon(true);
        reader.start();
    }

    private void readConsole() {
        byte[] buf = new byte[65535];
        while (!console.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                console.receive(p);
                consoleText.append(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /**
     * Starts an agent for {@code user@domain} in {@code dir} (created), registering via the proxy at
     * 127.0.0.1:{@code proxyPort} over UDP, answering calls automatically, and sending a {@code toneHz} sine.
     */
    public static BaresipAgent start(Path dir, String user, String password, String domain, int proxyPort, double toneHz) {
        return start(dir, user, password, domain, proxyPort, toneHz, Extras.NONE);
    }

    /**
     * What an agent needs beyond calls: more application modules (e.g. {@code presence}, {@code contact}), media
     * modules loaded before the accounts (codecs such as {@code opus}, media encryption such as {@code srtp}), account
     * parameters (e.g. {@code ;pubint=600}) and lines of its contacts file (e.g. {@code <sip:bob@D>;presence=p2p};
     * {@code /message} sends to the first).
     */
    public record Extras(List<String> appModules, String accountParams, List<String> contacts, List<String> mediaModules) {
        public static final Extras NONE = new Extras(List.of(), "", List.of());

        Extras(List<String> appModules, String accountParams, List<String> contacts) {
            this(appModules, accountParams, contacts, List.of());
        }
    }

    public static BaresipAgent start(Path dir, String user, String password, String domain, int proxyPort, double toneHz,
                              Extras extras) {
        String baresip = requireBaresip(Stream.concat(extras.appModules().stream(), extras.mediaModules().stream()).toList());
        try {
            Files.createDirectories(dir.resolve("rec"));
            Path tone = dir.resolve("tone.wav");
            ToneFile.writeSine(tone, 8000, toneHz, 30);
            int sipPort = sipPortWithFreeTlsNeighbour();
            int consolePort = FreePorts.udpAndTcp();
            Files.writeString(dir.resolve("config"), String.join("\n",
                    "poll_method epoll",
                    "sip_listen 127.0.0.1:" + sipPort,
                    "net_interface 127.0.0.1",
                    "audio_player aubridge," + user + "-nowhere",
                    "audio_alert aubridge," + user + "-nowhere",
                    "audio_source aufile," + tone,
                    "rtp_stats yes",
                    "module_path " + MODULES,
                    "module g711.so",
                    "module aufile.so",
                    "module aubridge.so",
                    "module sndfile.so",
                    "module cons.so",
                    extras.mediaModules().stream().map(m -> "module " + m + ".so").collect(joining("\n")),
                    "module_app account.so",
                    "module_app menu.so",
                    extras.appModules().stream().map(m -> "module_app " + m + ".so").collect(joining("\n")),
                    "cons_listen 127.0.0.1:" + consolePort,
                    "snd_path " + dir.resolve("rec"),
                    ""));
            Files.writeString(dir.resolve("accounts"), "<sip:" + user + "@" + domain + ">;auth_pass="
                    + password + ";outbound=\"sip:127.0.0.1:" + proxyPort + ";transport=udp\";regint=600"
                    + ";answermode=auto" + extras.accountParams() + "\n");
            Files.writeString(dir.resolve("contacts"), String.join("\n", extras.contacts()) + "\n");
            Path log = dir.resolve("baresip.log");
            List<String> cmd = List.of(baresip, "-4", "-s", "-f", dir.toAbsolutePath().toString());
            LOG.info("baresip {}: {} (sip 127.0.0.1:{}, console {})", user, cmd, sipPort, consolePort);
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            return new BaresipAgent(user, dir, p, consolePort, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start baresip for " + user, e);
        }
    }

    /** The baresip executable on PATH with the modules this agent loads; fails the test (never skips) otherwise. */
    public static String requireBaresip() {
        return requireBaresip(List.of());
    }

    /** As {@link #requireBaresip()}, also requiring the given extra modules. */
    static String requireBaresip(List<String> extraModules) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        String found = null;
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, "baresip"))) {
                found = Path.of(d, "baresip").toString();
                break;
            }
        }
        if (found == null) {
            return fail(NOT_INSTALLED);
        }
        for (String m : Stream.concat(NEEDED_MODULES.stream(), extraModules.stream()).toList()) {
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

    String user() {
        return user;
    }

    /** Sends one menu command (e.g. {@code /dial sip:bob@parley.test}) to the UDP console. */
    public void command(String command) {
        byte[] line = (command + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            console.send(new DatagramPacket(line, line.length, new InetSocketAddress("127.0.0.1", consolePort)));
        } catch (IOException e) {
            throw new UncheckedIOException("console of " + user, e);
        }
        LOG.info("baresip {} <- {}", user, command);
    }

    /** Waits until the agent's output matches {@code regex}; fails with the agent's output otherwise. */
    public Matcher await(String what, String regex, Duration timeout) {
        Pattern p = Pattern.compile(regex);
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Matcher m = p.matcher(output());
            if (m.find()) {
                return m;
            }
            if (!process.isAlive()) {
                return fail(user + ": baresip exited (code " + process.exitValue() + ") before " + what
                        + "\n" + describe());
            }
            if (System.nanoTime() > end) {
                return fail(user + ": no " + what + " within " + timeout.toSeconds() + " s (looked for /" + regex
                        + "/)\n" + describe());
            }
            sleep(100);
        }
    }

    /** True when the SIP trace (-s) shows a {@code method} request that arrived over UDP from 127.0.0.1:{@code port}. */
    boolean receivedRequestFrom(String method, int port) {
        String trace = output().replaceAll("\\[\\d+:\\d\\d:\\d\\d\\] audio=[^ ]+ \\(bit/s\\)\\s*", "");
        return Pattern.compile("(?m)^UDP 127\\.0\\.0\\.1:" + port + " -> [^\\n]*\\n" + method + " sip:")
                .matcher(trace).find();
    }

    /** Quits baresip through its console (closing the recordings) and waits for it to exit. */
    void quit() {
        if (process.isAlive()) {
            command("/quit");
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    LOG.warn("baresip {} did not quit; killing it", user);
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** RTP packets sent and received in the last call, from the statistics baresip prints when a call ends. */
    RtpPackets rtpPackets() {
        Matcher m = RTP_PACKETS.matcher(output());
        RtpPackets last = null;
        while (m.find()) {
            last = new RtpPackets(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        }
        return last != null ? last : fail(user + ": baresip printed no RTP statistics\n" + describe());
    }

    record RtpPackets(long sent, long received) {
    }

    /** The recording of the audio this agent received and decoded in its call. */
    ToneFile.Recording receivedAudio() {
        try (Stream<Path> files = Files.list(dir.resolve("rec"))) {
            List<Path> dec = files.filter(f -> f.getFileName().toString().endsWith("-dec.wav")).toList();
            if (dec.size() != 1) {
                return fail(user + ": expected one recording of received audio, found " + dec + "\n" + describe());
            }
            return ToneFile.read(dec.get(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What baresip logged, then the UI output its console sent back to this agent (once it has sent a command). */
    public String output() {
        return (SippRunner.readOrEmpty(log) + "\n--- console ---\n" + consoleText).replaceAll("\u001B\\[[;0-9]*m", "");
    }

    /** The agent's output without the per-second status line noise, for assertion messages. */
    public String describe() {
        return "--- baresip " + user + " output ---\n"
                + output().replaceAll("(\\[\\d+:\\d\\d:\\d\\d\\] audio=[^ ]+ \\(bit/s\\)\\s*)+", "[status lines]\n");
    }

    @Override
    public void close() {
        quit();
        console.close();
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
