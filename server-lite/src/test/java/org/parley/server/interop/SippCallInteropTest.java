package org.parley.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.client.CallOptions;
import org.parley.core.client.ClientConfig;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.EndReason;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.client.sip.ClientTuning;
import org.parley.core.client.sip.SipUcClient;
import org.parley.server.testsupport.FreePorts;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

/** A Parley client calls a SIPp callee (uas-parley-call.xml) through server-lite; the call connects and ends by BYE. */
@Tag("interop")
class SippCallInteropTest {
    @TempDir
    Path work;

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");

    private final ExecutorService events = Executors.newSingleThreadExecutor();
    private SipUcClient alice;

    @BeforeEach
    void requirePeer() {
        SippRunner.requireSipp();
    }

    @AfterEach
    void close() {
        if (alice != null) {
            alice.close();
        }
        events.shutdownNow();
    }

    private static void waitFor(BooleanSupplier condition, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("condition not met within " + millis + " ms");
            }
            Thread.sleep(50);
        }
    }

    @Test
    void parleyClientCallsSippCalleeThroughTheServerAndHangsUpCleanly() throws Exception {
        int port = FreePorts.udpAndTcp();
        SippResult reg = SippRunner.scenario(work, "register.xml", port)
                .remote("127.0.0.1", parley.server().sipPort())
                .service("bob").auth("bob", TestServer.password("bob"), parley.server().domain())
                .key("domain", parley.server().domain()).key("expires", "600")
                .run();
        assertThat(reg.oneCallSucceeded()).as("bob registers contact port " + port + "\n" + reg.describe()).isTrue();
        SippRunner.Running bob = SippRunner.scenario(work, "uas-parley-call.xml", port).service("bob").start()
                .awaitListening();

        Path data = Files.createDirectories(work.resolve("alice"));
        alice = SipUcClient.create(ClientConfig.of("127.0.0.1", parley.server().sipPort(), ClientConfig.Transport.UDP,
                "alice", TestServer.DOMAIN, data), events, ClientTuning.defaults().withPlainRtp(true), Clock.systemUTC());
        alice.signIn(TestServer.password("alice").toCharArray()).get(10, TimeUnit.SECONDS);
        List<Call> seen = new CopyOnWriteArrayList<>();
        alice.telephony().addCallListener(seen::add);

        Call placed = alice.telephony().call("bob", CallOptions.NONE);
        waitFor(() -> seen.stream().anyMatch(c -> c.state() == State.CONNECTED), 10_000);
        Call connected = seen.stream().filter(c -> c.state() == State.CONNECTED).findFirst().orElseThrow();
        assertThat(seen).extracting(Call::state).contains(State.RINGING);
        assertThat(connected.codec()).isEqualTo("PCMU/8000");
        assertThat(connected.remoteRtpPort()).isPositive();

        alice.telephony().hangup(placed.id()).get(10, TimeUnit.SECONDS);
        SippResult callee = bob.await();
        assertThat(callee.oneCallSucceeded()).as("callee\n" + callee.describe()).isTrue();
        assertThat(callee.messages()).as("the SRTP offer first, then plain RTP, both naming alice's RTP port")
                .contains("m=audio " + connected.localRtpPort() + " RTP/SAVP 111 0 8 101")
                .contains("m=audio " + connected.localRtpPort() + " RTP/AVP 111 0 8 101");
        assertThat(seen.get(seen.size() - 1).endReason()).isEqualTo(EndReason.LOCAL_HANGUP);
    }
}
