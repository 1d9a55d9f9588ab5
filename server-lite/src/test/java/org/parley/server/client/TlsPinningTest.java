package org.parley.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.sip.PinStore;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

class TlsPinningTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice");
    @RegisterExtension
    final Clients clients = new Clients();

    @Test
    void firstSignInPinsTheServerCertificateAndAReplacedCertificateIsRefusedAsMismatch() throws Exception {
        Path data = clients.newDataDir();
        var first = clients.client(Clients.config(parley.server(), Transport.TLS, "alice", data));
        first.signIn(TestServer.password("alice").toCharArray()).get(10, TimeUnit.SECONDS);
        String pinned = new PinStore(data).pinned(PinStore.key("127.0.0.1", parley.server().tlsPort())).orElseThrow();
        assertThat(pinned).isEqualTo(PinStore.fingerprint(parley.server().tls().certificate()));
        first.close();

        var again = clients.client(Clients.config(parley.server(), Transport.TLS, "alice", data));
        again.signIn(TestServer.password("alice").toCharArray()).get(10, TimeUnit.SECONDS);
        again.close();

        int sip = parley.server().sipPort();
        int tls = parley.server().tlsPort();
        parley.restart(c -> {
            deleteTree(parley.dataDir().resolve("tls"));
            return c.withPorts(sip, tls);
        });
        assertThat(PinStore.fingerprint(parley.server().tls().certificate())).as("a new certificate").isNotEqualTo(pinned);

        var afterReplacement = clients.client(Clients.config(parley.server(), Transport.TLS, "alice", data));
        Throwable t = catchThrowable(() -> afterReplacement.signIn(TestServer.password("alice").toCharArray())
                .get(10, TimeUnit.SECONDS));
        assertThat(t).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ParleyException.class);
        assertThat(((ParleyException) t.getCause()).code()).isEqualTo(ErrorCode.CERTIFICATE_MISMATCH);
        assertThat(new PinStore(data).pinned(PinStore.key("127.0.0.1", tls))).as("the old pin is kept").contains(pinned);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
