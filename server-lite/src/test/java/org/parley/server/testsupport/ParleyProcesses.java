package org.parley.server.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.parley.server.cli.ParleyCommand;

/**
 * Runs `parley` commands as separate processes (this JVM's java and class path), as users run them; each process's
 * stderr goes to a log file beside {@code logDir}; whatever is still running after a test is killed.
 * Register with {@code @RegisterExtension}.
 */
public final class ParleyProcesses implements AfterEachCallback {
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> errLogs = new ArrayList<>();

    /** Starts {@code parley ARGS...}; stderr goes to {@code logDir}'s sibling "-stderr-N.log". */
    public Process start(Path logDir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ParleyCommand.class.getName()));
        cmd.addAll(List.of(args));
        Path err = logDir.resolveSibling(logDir.getFileName() + "-stderr-" + processes.size() + ".log");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        processes.add(p);
        errLogs.add(err);
        return p;
    }

    /** Runs {@code parley ARGS...} to its end (at most 60 s) and returns its exit status. */
    public int run(Path logDir, String... args) throws IOException, InterruptedException {
        Process p = start(logDir, args);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("parley %s ended within 60 s", List.of(args)).isTrue();
        return p.exitValue();
    }

    /** Starts `parley server` on 127.0.0.1 without TLS and returns it once it printed its ready line. */
    public Process startServer(Path data, String domain, int sipPort) throws IOException {
        Process p = start(data, "server", "--data", data.toString(), "--domain", domain, "--bind", "127.0.0.1",
                "--sip-port", Integer.toString(sipPort), "--tls-port", "-1");
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).as("ready line")
                .startsWith("parley server ready: domain " + domain + ", SIP udp+tcp 127.0.0.1:" + sipPort);
        return p;
    }

    /** What a process started here wrote on stderr so far. */
    public String stderr(Process p) throws IOException {
        return Files.readString(errLogs.get(processes.indexOf(p)));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        processes.forEach(Process::destroyForcibly);
    }
}
