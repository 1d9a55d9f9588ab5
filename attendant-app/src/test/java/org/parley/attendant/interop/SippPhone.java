package org.parley.attendant.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SIPp process (Debian {@code sip-tester}) on 127.0.0.1 running one call of a scenario from this module's
 * {@code src/test/resources/sipp}, bounded in time, with its error log and message trace kept for assertion messages.
 * A trimmed copy of server-lite's package-private interop {@code SippRunner}.
 */
public final class SippPhone implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SippPhone.class);
    static final String NOT_INSTALLED = "sipp not installed: apt-get install sip-tester";

    private final Process process;
    private final Path errors;
    private final Path messages;
    private final Path screen;

    private SippPhone(Process process, Path errors, Path messages, Path screen) {
        this.process = process;
        this.errors = errors;
        this.messages = messages;
        this.screen = screen;
    }

    /**
     * Starts one call of {@code scenario} from 127.0.0.1:{@code localPort} to 127.0.0.1:{@code remotePort}, answering
     * a challenge as {@code user}/{@code password} with the digest uri {@code authUri}, SIPp ending it after
     * {@code timeout}.
     */
    public static SippPhone start(Path workDir, String scenario, int localPort, int remotePort, String user,
                                  String password, String authUri, Map<String, String> keys, Duration timeout) {
        String sipp = requireSipp();
        Path scenarioFile = workDir.resolve(scenario);
        try (InputStream in = SippPhone.class.getResourceAsStream("/sipp/" + scenario)) {
            if (in == null) {
                throw new IllegalArgumentException("no scenario sipp/" + scenario + " on the test class path");
            }
            Files.createDirectories(workDir);
            Files.write(scenarioFile, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base = scenario.replace(".xml", "") + "-" + localPort;
        Path errors = workDir.resolve(base + "-errors.log");
        Path messages = workDir.resolve(base + "-messages.log");
        Path screen = workDir.resolve(base + "-screen.txt");
        List<String> cmd = new ArrayList<>(List.of(sipp, "127.0.0.1:" + remotePort, "-sf", scenarioFile.toString(),
                "-i", "127.0.0.1", "-p", Integer.toString(localPort), "-t", "u1", "-m", "1", "-l", "1",
                "-timeout", timeout.toSeconds() + "s", "-timeout_error",
                "-trace_err", "-error_file", errors.toString(), "-trace_msg", "-message_file", messages.toString(),
                "-nostdin", "-au", user, "-ap", password, "-auth_uri", authUri));
        keys.forEach((k, v) -> cmd.addAll(List.of("-key", k, v)));
        LOG.info("sipp: {}", String.join(" ", cmd));
        try {
            Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(screen.toFile()).start();
            return new SippPhone(p, errors, messages, screen);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start sipp", e);
        }
    }

    /** The sipp executable on PATH; fails the test (never skips it) when SIPp is not installed. */
    public static String requireSipp() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "sipp");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail(NOT_INSTALLED);
    }

    /** Waits at most {@code limit} for SIPp to end (then kills it) and returns its exit code, -999 when killed. */
    public int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            return -999;
        }
        return process.exitValue();
    }

    /** The SIP messages SIPp sent and received so far. */
    public String messages() {
        return read(messages);
    }

    /** Error log, then the message trace (its tail), for assertion messages. */
    public String describe() {
        String trace = messages();
        return "--- sipp error log ---\n" + read(errors) + "\n--- SIP messages seen by sipp ---\n"
                + (trace.length() > 12_000 ? "...\n" + trace.substring(trace.length() - 12_000) : trace)
                + "\n--- sipp screen ---\n" + read(screen);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(unreadable " + file + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
