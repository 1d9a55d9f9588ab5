package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.sip.DigestAlgorithm;
import org.parley.server.cli.ParleyCommand;
import org.parley.server.testsupport.FreePorts;
import org.parley.server.testsupport.ParleyProcesses;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.SipTestClient;
import org.parley.server.testsupport.SipTestClient.Transport;

/** The server as users run it: a separate process, stopped by signals, killed, restarted. */
class ServerProcessTest {
    @TempDir
    Path data;

    @RegisterExtension
    final ParleyProcesses parley = new ParleyProcesses();
    private int sipPort;

    private int admin(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("admin", "--data", data.toString()));
        all.addAll(List.of(args));
        return parley.run(data, all.toArray(String[]::new));
    }

    /** Starts `parley server` and waits for its ready line. */
    private Process startServer() throws IOException {
        return parley.startServer(data, "parley.test", sipPort);
    }

    private SipMessage register(String user, String password) throws IOException {
        try (SipTestClient c = new SipTestClient(Transport.UDP, "127.0.0.1", sipPort, user, "parley.test")) {
            return c.registerWithDigest(password, 600, DigestAlgorithm.MD5);
        }
    }

    @Test
    void usersAddedByAdminWhileServerRunsCanRegisterAndEverythingSurvivesKill9() throws Exception {
        sipPort = FreePorts.udpAndTcp();
        assertThat(admin("--domain", "parley.test", "user", "add", "alice", "--display-name", "Alice", "--password", "pw-a")).isZero();
        Process server = startServer();
        assertThat(register("alice", "pw-a").status()).isEqualTo(200);

        assertThat(admin("user", "add", "bob", "--display-name", "Bob", "--password", "pw-b"))
                .as("admin uses the domain the running server recorded").isZero();
        SipMessage bob = null;
        for (int i = 0; i < 30 && (bob == null || bob.status() != 200); i++) {
            Thread.sleep(200); // the server notices user changes within a second
            bob = register("bob", "pw-b");
        }
        assertThat(bob.status()).as("bob registers once the server saw the new user").isEqualTo(200);
        Thread.sleep(600); // past the registration write-behind interval

        server.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();

        startServer();
        try (SipTestClient other = new SipTestClient(Transport.UDP, "127.0.0.1", sipPort, "alice", "parley.test")) {
            SipMessage ok = other.registerWithDigest("pw-a", 600, DigestAlgorithm.MD5);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.headers("contact")).as("alice's registration from before the kill was kept").hasSize(2);
        }
        assertThat(register("bob", "pw-b").status()).as("bob, added while the server ran, survived the kill").isEqualTo(200);
    }

    @Test
    void demoSeedsTheOfficeOnceAndItsPrintedPasswordsWork() throws Exception {
        sipPort = FreePorts.udpAndTcp();
        String[] args = {"demo", "--data", data.toString(), "--bind", "127.0.0.1", "--sip-port", Integer.toString(sipPort),
                "--tls-port", "-1"};
        Process demo = parley.start(data, args);
        BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        java.util.Map<String, String> passwords = new java.util.HashMap<>();
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("parley server ready")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("sip:(\\w+)@parley\\.local .* password (\\w+)$").matcher(line.trim());
            if (m.find()) {
                passwords.put(m.group(1), m.group(2));
            }
        }
        assertThat(line).as("ready line after the seeding").startsWith("parley server ready: domain parley.local");
        assertThat(passwords).hasSize(12).containsKeys("alice", "carol", "oscar");
        try (SipTestClient carol = new SipTestClient(Transport.UDP, "127.0.0.1", sipPort, "carol", "parley.local")) {
            assertThat(carol.registerWithDigest(passwords.get("carol"), 600, DigestAlgorithm.MD5).status()).isEqualTo(200);
        }
        demo.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        Process again = parley.start(data, args);
        BufferedReader out2 = new BufferedReader(new InputStreamReader(again.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out2.readLine()).as("a second run keeps the office and prints no passwords")
                .startsWith("demo organisation already in");
        assertThat(out2.readLine()).startsWith("parley server ready");
    }

    @Test
    void sigtermStopsTheServerCleanly() throws Exception {
        sipPort = FreePorts.udpAndTcp();
        Process server = startServer();
        // Process.destroy() would close our pipes; send SIGTERM as a user's kill or systemd does
        assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(server.pid())).start().waitFor()).isZero();
        assertThat(server.waitFor(20, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
        String err = parley.stderr(server);
        assertThat(err).contains("parley server stopped").doesNotContain("Exception");
    }

    @Test
    void portAlreadyInUseIsAClearErrorNotAStackTrace() throws Exception {
        sipPort = FreePorts.udpAndTcp();
        try (java.net.DatagramSocket busy = new java.net.DatagramSocket(sipPort, java.net.InetAddress.getByName("127.0.0.1"))) {
            Process p = parley.start(data, "server", "--data", data.toString(), "--bind", "127.0.0.1", "--sip-port", Integer.toString(sipPort),
                    "--tls-port", "-1");
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String err = parley.stderr(p);
            assertThat(p.exitValue()).isEqualTo(6);
            assertThat(err).contains("cannot listen on 127.0.0.1 port " + sipPort).doesNotContain("\tat ");
        }
    }
}
