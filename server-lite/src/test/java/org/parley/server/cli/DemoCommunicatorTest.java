package org.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.sip.DigestAlgorithm;
import org.parley.server.testsupport.FreePorts;
import org.parley.server.testsupport.SipTestClient;
import org.parley.server.testsupport.SipTestClient.Transport;
import picocli.CommandLine;

/** How {@code parley demo} opens a Communicator: when it does, and that the password reaches it only on stdin. */
class DemoCommunicatorTest {
    @TempDir
    Path dir;
    Process demo;

    @AfterEach
    void stop() throws InterruptedException {
        if (demo != null) {
            demo.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void noClientFlagSkipsTheClient() {
        DemoCommand cmd = new DemoCommand();
        new CommandLine(cmd).parseArgs("--no-client", "--sip-port", "0");
        assertThat(cmd.noClient).isTrue();
        assertThat(DemoCommunicator.reasonToSkip(cmd.noClient, "Linux",
                Map.of("PARLEY_LAUNCHER", "/x/parley", "DISPLAY", ":0"))).contains("--no-client");
        DemoCommand plain = new DemoCommand();
        new CommandLine(plain).parseArgs();
        assertThat(plain.noClient).isFalse();
        assertThat(plain.noAttendant).isFalse();
        DemoCommand noAttendant = new DemoCommand();
        new CommandLine(noAttendant).parseArgs("--no-attendant");
        assertThat(noAttendant.noAttendant).isTrue();
        assertThat(noAttendant.noClient).isFalse();
    }

    @Test
    void linuxWithoutDisplayOrWaylandSkipsTheClient() {
        assertThat(DemoCommunicator.reasonToSkip(false, "Linux", Map.of("PARLEY_LAUNCHER", "/x/parley")))
                .hasValueSatisfying(r -> assertThat(r).contains("no display"));
        assertThat(DemoCommunicator.reasonToSkip(false, "Linux", Map.of("PARLEY_LAUNCHER", "/x/parley", "DISPLAY", "")))
                .isPresent();
        assertThat(DemoCommunicator.reasonToSkip(false, "Linux",
                Map.of("PARLEY_LAUNCHER", "/x/parley", "WAYLAND_DISPLAY", "wayland-0"))).isEmpty();
        assertThat(DemoCommunicator.reasonToSkip(false, "Linux", Map.of("PARLEY_LAUNCHER", "/x/parley", "DISPLAY", ":99")))
                .isEmpty();
        assertThat(DemoCommunicator.reasonToSkip(false, "Mac OS X", Map.of("PARLEY_LAUNCHER", "/x/parley"))).isEmpty();
        assertThat(DemoCommunicator.reasonToSkip(false, "Windows 11", Map.of("PARLEY_LAUNCHER", "x"))).isEmpty();
    }

    @Test
    void withoutTheLauncherVariableTheClientIsSkipped() {
        assertThat(DemoCommunicator.reasonToSkip(false, "Linux", Map.of("DISPLAY", ":0")))
                .hasValueSatisfying(r -> assertThat(r).contains("PARLEY_LAUNCHER"));
    }

    @Test
    void clientCommandLineCarriesNoPassword() {
        List<String> cmd = DemoCommunicator.command("/opt/parley/parley", "127.0.0.1", 5071, "tls", "parley.local",
                Path.of("/d"));
        assertThat(cmd).containsExactly("/opt/parley/parley", "client", "--server", "127.0.0.1", "--port", "5071",
                "--transport", "tls", "--user", "alice@parley.local", "--password-stdin", "--data", "/d/communicator");
    }

    @Test
    void keptPasswordIsReadableByItsOwnerOnly() throws Exception {
        DemoCommunicator.savePassword(dir, "abc");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("communicator.password"))))
                .isEqualTo("rw-------");
        assertThat(DemoCommunicator.savedPassword(dir)).contains("abc");
        DemoCommunicator.replacePassword(dir, "xyz");
        assertThat(DemoCommunicator.savedPassword(dir)).contains("xyz");
    }

    /**
     * A real {@code parley demo} process with a stand-in launcher that records its arguments and stdin, then exits:
     * the stand-ins get alice's (Communicator) and carol's (Attendant console) printed passwords on stdin and nowhere
     * else, carol is the reception line's attendant, and the server outlives both.
     */
    @Test
    void demoStartsCommunicatorAndAttendantWithPasswordsOnStdinAndKeepsServingAfterTheyEnd() throws Exception {
        Path record = dir.resolve("record");
        Path launcher = dir.resolve("fake-parley");
        Files.writeString(launcher, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"" + record + "-$1.args\"\n"
                + "IFS= read -r pw; printf '%s' \"$pw\" > \"" + record + "-$1.stdin\"\n");
        launcher.toFile().setExecutable(true);
        Path data = dir.resolve("demo");
        int sipPort = FreePorts.udpAndTcp();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ParleyCommand.class.getName(), "demo", "--data", data.toString(),
                "--bind", "127.0.0.1", "--sip-port", Integer.toString(sipPort), "--tls-port", "-1")
                .redirectError(dir.resolve("demo-stderr.log").toFile());
        pb.environment().put("PARLEY_LAUNCHER", launcher.toString());
        pb.environment().put("DISPLAY", ":4242");
        demo = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        Map<String, String> passwords = new HashMap<>();
        List<String> lines = new java.util.ArrayList<>();
        String line;
        Pattern seeded = Pattern.compile("sip:(\\w+)@parley\\.local .* password (\\w+)$");
        while (lines.stream().filter(l -> l.contains(" ended (exit 0); the server keeps running")).count() < 2
                && (line = out.readLine()) != null) {
            lines.add(line);
            Matcher m = seeded.matcher(line.trim());
            if (m.find()) {
                passwords.put(m.group(1), m.group(2));
            }
        }
        assertThat(lines).as("the demo says what it opens and that the server outlives both")
                .anyMatch(l -> l.startsWith("opening a Communicator signed in as alice@parley.local"))
                .anyMatch(l -> l.startsWith("opening an Attendant console signed in as carol@parley.local"))
                .anyMatch(l -> l.startsWith("the Communicator ended (exit 0); the server keeps running"))
                .anyMatch(l -> l.startsWith("the Attendant console ended (exit 0); the server keeps running"))
                .contains("the reception line sip:reception@parley.local rings the receptionist carol");
        assertThat(Files.readString(Path.of(record + "-client.stdin"))).isEqualTo(passwords.get("alice"));
        assertThat(Files.readString(Path.of(record + "-attendant.stdin"))).isEqualTo(passwords.get("carol"));
        List<String> args = Files.readAllLines(Path.of(record + "-client.args"));
        assertThat(args).containsExactly("client", "--server", "127.0.0.1", "--port", Integer.toString(sipPort),
                "--transport", "tcp", "--user", "alice@parley.local", "--password-stdin", "--data",
                data.resolve("communicator").toAbsolutePath().toString());
        List<String> attendantArgs = Files.readAllLines(Path.of(record + "-attendant.args"));
        assertThat(attendantArgs).containsExactly("attendant", "--server", "127.0.0.1", "--port",
                Integer.toString(sipPort), "--transport", "tcp", "--user", "carol@parley.local", "--password-stdin",
                "--data", data.resolve("attendant").toAbsolutePath().toString());
        assertThat(String.join(" ", args)).doesNotContain(passwords.get("alice"));
        assertThat(String.join(" ", attendantArgs)).doesNotContain(passwords.get("carol"));
        assertThat(demo.isAlive()).isTrue();
        try (SipTestClient alice = new SipTestClient(Transport.UDP, "127.0.0.1", sipPort, "alice", "parley.local")) {
            assertThat(alice.registerWithDigest(passwords.get("alice"), 600, DigestAlgorithm.MD5).status())
                    .as("the server still serves after the client ended").isEqualTo(200);
        }
    }

    /** Stopping the demo (SIGTERM, as Ctrl-C) stops the Communicator and the Attendant console it opened. */
    @Test
    void stoppingTheDemoStopsTheClient() throws Exception {
        Path pidFile = dir.resolve("client.pid");
        Path launcher = dir.resolve("fake-parley");
        Files.writeString(launcher, "#!/bin/sh\nIFS= read -r pw\necho $$ > \"" + pidFile + "-$1.tmp\"\nmv \"" + pidFile
                + "-$1.tmp\" \"" + pidFile + "-$1\"\nexec sleep 60\n");
        launcher.toFile().setExecutable(true);
        int sipPort = FreePorts.udpAndTcp();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ParleyCommand.class.getName(), "demo", "--data",
                dir.resolve("demo").toString(), "--bind", "127.0.0.1", "--sip-port", Integer.toString(sipPort),
                "--tls-port", "-1").redirectError(dir.resolve("demo-stderr.log").toFile());
        pb.environment().put("PARLEY_LAUNCHER", launcher.toString());
        pb.environment().put("WAYLAND_DISPLAY", "wayland-9");
        demo = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("opening a Communicator")) {
            // seeding and ready lines
        }
        assertThat(line).isNotNull();
        Path clientPid = Path.of(pidFile + "-client");
        Path attendantPid = Path.of(pidFile + "-attendant");
        Instant deadline = Instant.now().plusSeconds(10);
        while (!(Files.exists(clientPid) && Files.exists(attendantPid)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        ProcessHandle client = ProcessHandle.of(Long.parseLong(Files.readString(clientPid).strip()))
                .orElseThrow(() -> new AssertionError("client not running"));
        ProcessHandle attendant = ProcessHandle.of(Long.parseLong(Files.readString(attendantPid).strip()))
                .orElseThrow(() -> new AssertionError("attendant not running"));
        demo.destroy(); // SIGTERM
        assertThat(demo.waitFor(15, TimeUnit.SECONDS)).as("demo stopped").isTrue();
        assertThat(client.onExit().get(10, TimeUnit.SECONDS).isAlive()).as("client stopped with the demo").isFalse();
        assertThat(attendant.onExit().get(10, TimeUnit.SECONDS).isAlive()).as("attendant stopped with the demo")
                .isFalse();
    }
}
