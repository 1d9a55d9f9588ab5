package org.parley.server.im;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.cli.ParleyCommand;
import org.parley.server.testsupport.FreePorts;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.ParleyProcesses;
import org.parley.server.testsupport.SipTestClient;
import org.parley.server.testsupport.SipTestClient.Transport;

/** Stored messages as users run the server: a separate `parley server` process, killed with SIGKILL right after 202. */
class StoredMessagesKillTest {
    @TempDir
    Path data;

    @RegisterExtension
    final ParleyProcesses parley = new ParleyProcesses();
    private int sipPort;

    private void addUser(String name) throws Exception {
        assertThat(parley.run(data, "admin", "--data", data.toString(), "--domain", "parley.test", "user", "add", name,
                "--display-name", name, "--password", "pw-" + name)).as("admin user add " + name).isZero();
    }

    private Process startServer() throws IOException {
        return parley.startServer(data, "parley.test", sipPort);
    }

    private ImClient client(Transport t, String user) throws IOException {
        return new ImClient(new SipTestClient(t, "127.0.0.1", sipPort, user, "parley.test"));
    }

    @Test
    void storedMessagesSurviveAKill() throws Exception {
        sipPort = FreePorts.udpAndTcp();
        addUser("alice");
        addUser("bob");
        Process server = startServer();
        try (ImClient alice = client(Transport.UDP, "alice")) {
            assertThat(alice.text("sip:bob@parley.test", "first, before the kill")).isEqualTo(202);
            alice.send("sip:bob@parley.test", "text/plain", "second, killed at once");
            assertThat(alice.answer().status()).isEqualTo(202);
            server.destroyForcibly(); // SIGKILL right after the 202: no shutdown hook, no flush
            assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }

        startServer();
        try (ImClient bob = client(Transport.TCP, "bob")) {
            bob.register();
            SipMessage first = bob.receive();
            assertThat(first.body()).isEqualTo("first, before the kill");
            assertThat(first.header("x-parley-stored")).isEqualTo("offline");
            assertThat(bob.receive().body()).isEqualTo("second, killed at once");
        }
    }
}
