package org.parley.server.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one SIPp process on 127.0.0.1 with a scenario from {@code src/test/resources/sipp}, bounded in calls and time,
 * with its error log, message trace and statistics written to a work directory for the assertion message.
 */
final class SippRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SippRunner.class);
    static final String NOT_INSTALLED = "sipp not installed: apt-get install sip-tester";

    enum Transport {
        UDP("u1"), TCP("t1");

        final String flag;

        Transport(String flag) {
            this.flag = flag;
        }
    }

    private final Path workDir;
    private final String scenario;
    private final int localPort;
    private String remote;
    private String service;
    private String authUser;
    private String authPassword;
    private String authUri;
    private Transport transport = Transport.UDP;
    private final Duration timeout = Duration.ofSeconds(20);
    private final Map<String, String> keys = new LinkedHashMap<>();

    private SippRunner(Path workDir, String scenario, int localPort) {
        this.workDir = workDir;
        this.scenario = scenario;
        this.localPort = localPort;
    }

    /** A SIPp run of {@code scenario} (file name under resources/sipp) bound to 127.0.0.1:{@code localPort}. */
    static SippRunner scenario(Path workDir, String scenario, int localPort) {
        return new SippRunner(workDir, scenario, localPort);
    }

    /** Where requests go (omit for a UAS scenario, which only answers). */
    SippRunner remote(String host, int port) {
        this.remote = host + ":" + port;
        return this;
    }

    /** SIPp's {@code -s}: the registering user, or the callee. */
    SippRunner service(String user) {
        this.service = user;
        return this;
    }

    /**
     * Credentials used for {@code [authentication]} after a 401 or 407. {@code digestUri} (without "sip:") must be
     * the Request-URI of the authenticated request: SIPp otherwise puts its remote address there, which a server
     * checking the digest uri against the Request-URI (RFC 2617 section 3.2.2.5) refuses.
     */
    SippRunner auth(String user, String password, String digestUri) {
        this.authUser = user;
        this.authPassword = password;
        this.authUri = digestUri;
        return this;
    }

    /** A {@code [name]} keyword of the scenario. */
    SippRunner key(String name, String value) {
        keys.put(name, value);
        return this;
    }

    SippRunner transport(Transport t) {
        this.transport = t;
        return this;
    }

    /** Runs to the end (one call) and returns what SIPp reported. */
    SippResult run() {
        return start().await();
    }

    /** Starts SIPp in the background; for a UAS, {@link Running#awaitListening()} before sending it calls. */
    Running start() {
        String sipp = requireSipp();
        String base = scenario.replace(".xml", "") + "-" + localPort;
        Path scenarioFile = copyScenario();
        Path errors = workDir.resolve(base + "-errors.log");
        Path messages = workDir.resolve(base + "-messages.log");
        Path stats = workDir.resolve(base + "-stats.csv");
        Path screen = workDir.resolve(base + "-screen.txt");
        List<String> cmd = new ArrayList<>();
        cmd.add(sipp);
        if (remote != null) {
            cmd.add(remote);
        }
        cmd.addAll(List.of("-sf", scenarioFile.toString(), "-i", "127.0.0.1", "-p", Integer.toString(localPort),
                "-t", transport.flag, "-m", "1", "-l", "1",
                "-timeout", timeout.toSeconds() + "s", "-timeout_error",
                "-trace_err", "-error_file", errors.toString(),
                "-trace_msg", "-message_file", messages.toString(),
                "-trace_stat", "-stf", stats.toString(), "-fd", "1",
                "-nostdin"));
        if (service != null) {
            cmd.addAll(List.of("-s", service));
        }
        if (authUser != null) {
            cmd.addAll(List.of("-au", authUser, "-ap", authPassword, "-auth_uri", authUri));
        }
        keys.forEach((k, v) -> cmd.addAll(List.of("-key", k, v)));
        LOG.info("sipp: {}", String.join(" ", cmd));
        try {
            Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(screen.toFile()).start();
            return new Running(p, scenario, localPort, transport, timeout.plusSeconds(10), errors, messages, stats,
                    screen);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start sipp", e);
        }
    }

    private Path copyScenario() {
        Path target = workDir.resolve(scenario);
        try (InputStream in = SippRunner.class.getResourceAsStream("/sipp/" + scenario)) {
            if (in == null) {
                throw new IllegalArgumentException("no scenario sipp/" + scenario + " on the test class path");
            }
            Files.createDirectories(workDir);
            Files.write(target, in.readAllBytes());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sipp executable on PATH; fails the test (never skips it) when SIPp is not installed. */
    static String requireSipp() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "sipp");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail(NOT_INSTALLED);
    }

    /** A SIPp process that is running. */
    static final class Running {
        private final Process process;
        private final String scenario;
        private final int port;
        private final Transport transport;
        private final Duration limit;
        private final Path errors;
        private final Path messages;
        private final Path stats;
        private final Path screen;

        Running(Process process, String scenario, int port, Transport transport, Duration limit, Path errors,
                Path messages, Path stats, Path screen) {
            this.process = process;
            this.scenario = scenario;
            this.port = port;
            this.transport = transport;
            this.limit = limit;
            this.errors = errors;
            this.messages = messages;
            this.stats = stats;
            this.screen = screen;
        }

        /** Waits (at most 5 s) until SIPp has bound its port, so a request sent now reaches it. */
        Running awaitListening() {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < end && process.isAlive()) {
                if (!portFree()) {
                    return this;
                }
                sleep(50);
            }
            if (!process.isAlive()) {
                fail("sipp " + scenario + " exited before listening on " + port + "\n" + await().describe());
            }
            return fail("sipp " + scenario + " did not bind 127.0.0.1:" + port + " within 5 s");
        }

        private boolean portFree() {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
            if (transport == Transport.UDP) {
                try (DatagramSocket probe = new DatagramSocket(address)) {
                    return true;
                } catch (SocketException bound) {
                    return false;
                }
            }
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(address);
                return true;
            } catch (IOException bound) {
                return false;
            }
        }

        /** Waits for the end of the run (killing SIPp after its own timeout plus a margin) and reads its reports. */
        SippResult await() {
            try {
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    return SippResult.read(scenario, -999, errors, messages, stats, screen);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            return SippResult.read(scenario, process.exitValue(), errors, messages, stats, screen);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String readOrEmpty(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(unreadable " + file + ": " + e.getMessage() + ")";
        }
    }
}
