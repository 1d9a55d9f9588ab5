package org.parley.core.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.parley.core.client.AudioDevices;
import org.parley.core.client.ClientConfig;
import org.parley.core.client.UcClient;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.media.Wav;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley cli}: a scriptable headless client. Signs in, then reads line commands on stdin and prints one JSON
 * object per event on stdout (docs/cli.md). Exit status: 0 after EOF/quit, the error code's status when sign-in fails,
 * 2 for bad arguments.
 */
@Command(name = "cli", mixinStandardHelpOptions = true,
        description = "Scriptable headless client: line commands on stdin, one JSON object per event on stdout.")
public final class CliCommand implements java.util.concurrent.Callable<Integer> {

    /** Creates the client; the composition root passes the SIP implementation. */
    @FunctionalInterface
    public interface ClientFactory {
        UcClient create(ClientConfig config, java.util.concurrent.Executor events);
    }

    private static final double MIN_TONE_HZ = 20;
    private static final double MAX_TONE_HZ = 20000;

    @Option(names = "--server", required = true, paramLabel = "HOST[:PORT]", description = "the Parley server")
    String server;

    @Option(names = "--user", required = true, paramLabel = "NAME[@DOMAIN]", description = "user name, optionally with the domain")
    String user;

    @Option(names = "--domain", paramLabel = "DOMAIN", description = "SIP domain (default: the part after @ in --user, else parley.local)")
    String domain;

    @Option(names = "--password", paramLabel = "P", description = "password (visible to other local users: prefer --password-stdin)")
    String password;

    @Option(names = "--password-stdin", description = "read the password from the first line of stdin")
    boolean passwordStdin;

    @Option(names = "--transport", paramLabel = "udp|tcp|tls", description = "transport (default: tls)")
    String transport = "tls";

    @Option(names = "--data", paramLabel = "DIR", description = "local history and pinned certificates (default: ~/.parley/cli/USER@DOMAIN)")
    Path data;

    @Option(names = "--audio-in", paramLabel = "FILE.wav", description = "headless calls send this 16-bit PCM WAV (once, then silence)")
    Path audioIn;

    @Option(names = "--tone", paramLabel = "HZ", description = "headless calls send a sine tone of this frequency")
    Double toneHz;

    @Option(names = "--audio-out", paramLabel = "FILE.wav", description = "headless calls record what they receive to this WAV")
    Path audioOut;

    private final ClientFactory factory;
    private final InputStream stdin;
    private final PrintStream stdout;

    public CliCommand(ClientFactory factory, InputStream stdin, PrintStream stdout) {
        this.factory = factory;
        this.stdin = stdin;
        this.stdout = stdout;
    }

    @Override
    public Integer call() throws IOException {
        ClientConfig config = config();
        AudioDevices devices = devices();
        BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        char[] secret = secret(in);
        JsonOut out = new JsonOut(stdout);
        ExecutorService events = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "parley-cli-events");
            t.setDaemon(true);
            return t;
        });
        try (UcClient client = factory.create(config, events)) {
            if (devices != null) {
                try {
                    client.telephony().useDevices(devices);
                } catch (IllegalArgumentException e) {
                    throw new ParleyException(ErrorCode.INVALID_ARGUMENT, e.getMessage());
                }
            }
            CliSession session = new CliSession(client, out, config.domain());
            session.listen();
            try {
                client.signIn(secret).get(40, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                ParleyException p = CliSession.asParley(e.getCause());
                out.error("sign-in", p);
                return p.code().exitStatus();
            } catch (TimeoutException e) {
                out.error("sign-in", new ParleyException(ErrorCode.TIMEOUT, "sign-in took too long"));
                return ErrorCode.TIMEOUT.exitStatus();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ErrorCode.INTERNAL.exitStatus();
            } finally {
                java.util.Arrays.fill(secret, '\0');
            }
            var signedIn = out.event("signed-in");
            signedIn.put("user", config.aor());
            signedIn.put("transport", config.transport().name().toLowerCase(Locale.ROOT));
            out.print(signedIn);
            session.loop(in);
            try {
                client.signOut().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                out.error("sign-out", CliSession.asParley(e));
            }
            drain(events);
            out.print(out.event("signed-out"));
            return 0;
        } finally {
            events.shutdownNow();
        }
    }

    private static void drain(ExecutorService events) {
        try {
            events.submit(() -> { }).get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            // best effort: events still queued are dropped at exit
        }
    }

    ClientConfig config() {
        String name = user.trim();
        String dom = domain;
        int at = name.indexOf('@');
        if (at > 0) {
            if (dom == null) {
                dom = name.substring(at + 1);
            }
            name = name.substring(0, at);
        }
        if (dom == null) {
            dom = "parley.local";
        }
        ClientConfig.Transport t;
        try {
            t = ClientConfig.Transport.valueOf(transport.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "--transport must be udp, tcp or tls, not '" + transport + "'");
        }
        String host = server.trim();
        int port = t.defaultPort();
        int colon = host.lastIndexOf(':');
        if (colon > 0 && !host.endsWith("]")) {
            try {
                port = Integer.parseInt(host.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "--server port must be a number: '" + server + "'");
            }
            if (port < 1 || port > 65535) {
                throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "--server port must be 1-65535: '" + server + "'");
            }
            host = host.substring(0, colon);
        }
        if (host.isEmpty()) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "--server needs a host");
        }
        if (password == null && !passwordStdin) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "give --password-stdin (or --password P)");
        }
        if (password != null && passwordStdin) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "give either --password or --password-stdin, not both");
        }
        Path dir = data != null ? data : Path.of(System.getProperty("user.home"), ".parley", "cli", name + "@" + dom);
        return ClientConfig.of(host, port, t, name.toLowerCase(Locale.ROOT), dom.toLowerCase(Locale.ROOT), dir)
                .withDevice(org.parley.core.model.DeviceKind.DESKTOP, "Parley-cli");
    }

    /** The headless devices {@code --audio-in}/{@code --tone}/{@code --audio-out} ask for; null without them. */
    AudioDevices devices() {
        if (audioIn == null && toneHz == null && audioOut == null) {
            return null;
        }
        if (audioIn != null && toneHz != null) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "give either --audio-in or --tone, not both");
        }
        String capture = "silence";
        if (audioIn != null) {
            if (!Files.isRegularFile(audioIn) || !Files.isReadable(audioIn)) {
                throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "--audio-in: no readable file " + audioIn);
            }
            try {
                Wav.read(audioIn);
            } catch (IOException | RuntimeException e) {
                throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "--audio-in: " + audioIn
                        + " is not a 16-bit PCM WAV file (" + e.getMessage() + ")");
            }
            capture = "file:" + audioIn.toAbsolutePath();
        } else if (toneHz != null) {
            if (toneHz.isNaN() || toneHz < MIN_TONE_HZ || toneHz > MAX_TONE_HZ) {
                throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "--tone must be " + (int) MIN_TONE_HZ + "-"
                        + (int) MAX_TONE_HZ + " Hz, not " + toneHz);
            }
            capture = "tone:" + (toneHz == Math.rint(toneHz) ? String.valueOf(toneHz.longValue()) : toneHz.toString());
        }
        String playback = "none";
        if (audioOut != null) {
            Path parent = audioOut.toAbsolutePath().getParent();
            if (Files.isDirectory(audioOut) || parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
                throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "--audio-out: cannot write a file " + audioOut
                        + " (its directory must exist)");
            }
            playback = "file:" + audioOut.toAbsolutePath();
        }
        return new AudioDevices(capture, playback, "none");
    }

    private char[] secret(BufferedReader in) throws IOException {
        if (password != null) {
            return password.toCharArray();
        }
        String line = in.readLine();
        if (line == null || line.isEmpty()) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "--password-stdin: the first line of stdin must be the password");
        }
        return line.toCharArray();
    }
}
