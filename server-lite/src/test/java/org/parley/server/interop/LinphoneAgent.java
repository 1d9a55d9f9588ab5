package org.parley.server.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.server.testsupport.FreePorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One headless {@code linphonec} (Debian {@code linphone-cli}, liblinphone 5.1) with its own HOME and configuration
 * file: one account registered over UDP through the server as outbound proxy (a {@code reg_route}: without it
 * liblinphone resolves the AOR's domain for SUBSCRIBE and MESSAGE and fails), commands written to its standard
 * input, its console output (presence changes, received messages) in {@code linphonec.out} and its full log with
 * the SIP trace in {@code linphone.log}. No sound card is needed: it only complains.
 */
final class LinphoneAgent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LinphoneAgent.class);
    static final String NOT_INSTALLED = "linphonec not installed: apt-get install linphone-cli";

    private final String user;
    private final Process process;
    private final OutputStream stdin;
    private final Path out;
    private final Path log;

    private LinphoneAgent(String user, Process process, Path out, Path log) {
        this.user = user;
        this.process = process;
        this.stdin = process.getOutputStream();
        this.out = out;
        this.log = log;
    }

    /** Starts linphonec for {@code user@domain} in {@code dir}; {@code publish} makes it PUBLISH its own presence. */
    static LinphoneAgent start(Path dir, String user, String password, String domain, int proxyPort, boolean publish) {
        String linphonec = requireLinphonec();
        try {
            Files.createDirectories(dir.resolve(".local/share/linphone"));
            int sipPort = FreePorts.udpAndTcp();
            String proxy = "sip:127.0.0.1:" + proxyPort + ";transport=udp";
            Path rc = dir.resolve("linphonerc");
            Files.writeString(rc, String.join("\n",
                    "[sip]",
                    "sip_port=" + sipPort,
                    "sip_tcp_port=0",
                    "sip_tls_port=0",
                    "default_proxy=0",
                    "[proxy_0]",
                    "reg_proxy=<" + proxy + ">",
                    "reg_route=<" + proxy + ";lr>",
                    "reg_identity=sip:" + user + "@" + domain,
                    "reg_expires=600",
                    "reg_sendregister=1",
                    "publish=" + (publish ? 1 : 0),
                    "publish_expires=600",
                    "[auth_info_0]",
                    "username=" + user,
                    "passwd=" + password,
                    "realm=" + domain,
                    "domain=" + domain,
                    "[sound]",
                    "playback_dev_id=",
                    "ringer_dev_id=",
                    "capture_dev_id=",
                    ""));
            Path out = dir.resolve("linphonec.out");
            Path log = dir.resolve("linphone.log");
            List<String> cmd = List.of(linphonec, "-c", rc.toString(), "-d", "6", "-l", log.toString());
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            pb.environment().put("HOME", dir.toAbsolutePath().toString());
            LOG.info("linphonec {}: {} (sip 127.0.0.1:{})", user, cmd, sipPort);
            return new LinphoneAgent(user, pb.start(), out, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start linphonec for " + user, e);
        }
    }

    /** The linphonec executable on PATH; fails the test (never skips) otherwise. */
    static String requireLinphonec() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, "linphonec"))) {
                return Path.of(d, "linphonec").toString();
            }
        }
        return fail(NOT_INSTALLED);
    }

    /** Writes one command line (e.g. {@code chat sip:bob@D hello}) to linphonec's standard input. */
    void command(String line) {
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("stdin of linphonec " + user, e);
        }
        LOG.info("linphonec {} <- {}", user, line);
    }

    /** Waits until linphonec's console output matches {@code regex}; fails with its output otherwise. */
    Matcher await(String what, String regex, Duration timeout) {
        return awaitIn(what, regex, timeout, false);
    }

    /** Waits until linphonec's log (with the SIP trace) matches {@code regex}. */
    Matcher awaitLog(String what, String regex, Duration timeout) {
        return awaitIn(what, regex, timeout, true);
    }

    private Matcher awaitIn(String what, String regex, Duration timeout, boolean inLog) {
        Pattern p = Pattern.compile(regex);
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Matcher m = p.matcher(inLog ? SippRunner.readOrEmpty(log) : output());
            if (m.find()) {
                return m;
            }
            if (!process.isAlive()) {
                return fail(user + ": linphonec exited (code " + process.exitValue() + ") before " + what + "\n"
                        + describe());
            }
            if (System.nanoTime() > end) {
                return fail(user + ": no " + what + " within " + timeout.toSeconds() + " s (looked for /" + regex
                        + "/)\n" + describe());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail("interrupted");
            }
        }
    }

    String output() {
        return SippRunner.readOrEmpty(out);
    }

    /** The console output and the SIP requests and responses of the log, for assertion messages. */
    String describe() {
        StringBuilder sip = new StringBuilder();
        for (String line : SippRunner.readOrEmpty(log).split("\n")) {
            if (line.matches("^(SIP/2\\.0 \\d{3}|[A-Z]+ sip:).*")) {
                sip.append("  ").append(line).append('\n');
            }
        }
        return "--- linphonec " + user + " output ---\n"
                + output().replaceAll("(?m)^.*(mediastreamer|soundcard|bctbx-error|liblinphone-error).*\\n", "")
                + "--- its SIP start lines ---\n" + sip;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            command("quit");
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    LOG.warn("linphonec {} did not quit; killing it", user);
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
