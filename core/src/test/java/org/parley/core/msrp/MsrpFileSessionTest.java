package org.parley.core.msrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sender and a receiver over real loopback sockets, without SIP. */
class MsrpFileSessionTest {
    @TempDir
    Path dir;

    private final TlsIdentity alice = TlsIdentity.generate("alice@parley.test");
    private final TlsIdentity bob = TlsIdentity.generate("bob@parley.test");

    /** What each side ended with: "delivered", "refused 413 ...", "failed ...", "received", "aborted". */
    private final CompletableFuture<String> senderEnd = new CompletableFuture<>();
    private final CompletableFuture<String> receiverEnd = new CompletableFuture<>();
    private final List<Long> sent = new CopyOnWriteArrayList<>();
    private final List<Long> received = new CopyOnWriteArrayList<>();

    private Path source(int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return Files.write(dir.resolve("source.bin"), data);
    }

    private MsrpFileReceiver receiver(MsrpUri local, ServerSocket listener, Path target, long size,
                                      Function<Path, String> verdict) {
        return new MsrpFileReceiver(local, listener, target, size, 131072, 5000, new MsrpFileReceiver.Events() {
            @Override
            public void progress(long n) {
                received.add(n);
            }

            @Override
            public String received() {
                String v = verdict.apply(target);
                receiverEnd.complete(v == null ? "received" : "refused " + v);
                return v;
            }

            @Override
            public void aborted() {
                receiverEnd.complete("aborted");
            }

            @Override
            public void failed(String why) {
                receiverEnd.complete("failed " + why);
            }
        });
    }

    private MsrpFileSender sender(MsrpUri local, MsrpUri remote, Path file, SSLContext tls) throws Exception {
        return new MsrpFileSender(local, remote, file, Files.size(file), "application/octet-stream", 65536, tls, 5000,
                new MsrpFileSender.Events() {
                    @Override
                    public void progress(long confirmed) {
                        sent.add(confirmed);
                    }

                    @Override
                    public void delivered() {
                        senderEnd.complete("delivered");
                    }

                    @Override
                    public void refused(int status, String reason) {
                        senderEnd.complete("refused " + status + " " + reason);
                    }

                    @Override
                    public void failed(String why) {
                        senderEnd.complete("failed " + why);
                    }
                });
    }

    private void transfer(boolean tls, String receiverTrusts, Function<Path, String> verdict, int size) throws Exception {
        Path file = source(size);
        Path target = Files.createFile(dir.resolve("target.part"));
        ServerSocket listener = MsrpSockets.listen("127.0.0.1", tls ? bob.context(receiverTrusts) : null);
        MsrpUri bobUri = new MsrpUri(tls, "127.0.0.1", listener.getLocalPort(), "bobsession");
        MsrpUri aliceUri = new MsrpUri(tls, "127.0.0.1", 9, "alicesession");
        receiver(bobUri, listener, target, size, verdict).start();
        sender(aliceUri, bobUri, file, tls ? alice.context(bob.fingerprint()) : null).start();
    }

    @Test
    void aFileCrossesTlsInChunksAndTheReportConfirmsIt() throws Exception {
        transfer(true, alice.fingerprint(), p -> null, 300_000);

        assertThat(receiverEnd.get(10, TimeUnit.SECONDS)).isEqualTo("received");
        assertThat(senderEnd.get(10, TimeUnit.SECONDS)).isEqualTo("delivered");
        assertThat(Files.mismatch(dir.resolve("target.part"), dir.resolve("source.bin"))).isEqualTo(-1L);
        assertThat(sent).isSorted().endsWith(300_000L);
        assertThat(received).isSorted().endsWith(300_000L);
        assertThat(received).hasSize(5);
    }

    @Test
    void plainTcpWorksWhenNoTlsIsNegotiated() throws Exception {
        transfer(false, null, p -> null, 70_000);

        assertThat(receiverEnd.get(10, TimeUnit.SECONDS)).isEqualTo("received");
        assertThat(senderEnd.get(10, TimeUnit.SECONDS)).isEqualTo("delivered");
    }

    @Test
    void anEmptyFileIsDelivered() throws Exception {
        transfer(true, alice.fingerprint(), p -> null, 0);

        assertThat(receiverEnd.get(10, TimeUnit.SECONDS)).isEqualTo("received");
        assertThat(senderEnd.get(10, TimeUnit.SECONDS)).isEqualTo("delivered");
    }

    @Test
    void aPeerCertificateThatDoesNotMatchTheSdpFingerprintFailsBothSides() throws Exception {
        TlsIdentity mallory = TlsIdentity.generate("mallory@parley.test");
        transfer(true, mallory.fingerprint(), p -> null, 1000);

        assertThat(receiverEnd.get(10, TimeUnit.SECONDS)).startsWith("failed").contains("does not match the fingerprint");
        assertThat(senderEnd.get(10, TimeUnit.SECONDS)).startsWith("failed");
        assertThat(Files.size(dir.resolve("target.part"))).isZero();
    }

    @Test
    void aRefusedFileReachesTheSenderAsAFailureReport() throws Exception {
        transfer(true, alice.fingerprint(), p -> "hash mismatch", 5000);

        assertThat(receiverEnd.get(10, TimeUnit.SECONDS)).isEqualTo("refused hash mismatch");
        assertThat(senderEnd.get(10, TimeUnit.SECONDS)).isEqualTo("refused 400 hash mismatch");
    }

    @Test
    void anAbortedMessageEndsTheReceiverAsAborted() throws Exception {
        Path file = source(5_000_000);
        Path target = Files.createFile(dir.resolve("target.part"));
        ServerSocket listener = MsrpSockets.listen("127.0.0.1", null);
        MsrpUri bobUri = new MsrpUri(false, "127.0.0.1", listener.getLocalPort(), "bobsession");
        receiver(bobUri, listener, target, Files.size(file), p -> null).start();
        MsrpFileSender s = sender(new MsrpUri(false, "127.0.0.1", 9, "alicesession"), bobUri, file, null);
        s.abort();
        s.start();

        assertThat(receiverEnd.get(10, TimeUnit.SECONDS)).isEqualTo("aborted");
        assertThat(senderEnd).isNotDone();
    }

    @Test
    void aReceiverStoppingMidTransferAnswers413AndTheSenderSeesACancel() throws Exception {
        Path file = source(20_000_000);
        Path target = Files.createFile(dir.resolve("target.part"));
        ServerSocket listener = MsrpSockets.listen("127.0.0.1", null);
        MsrpUri bobUri = new MsrpUri(false, "127.0.0.1", listener.getLocalPort(), "bobsession");
        MsrpFileReceiver r = receiver(bobUri, listener, target, Files.size(file), p -> null);
        r.start();
        sender(new MsrpUri(false, "127.0.0.1", 9, "alicesession"), bobUri, file, null).start();
        long end = System.currentTimeMillis() + 5000;
        while (received.isEmpty() && System.currentTimeMillis() < end) {
            Thread.sleep(5);
        }

        r.stop();

        assertThat(senderEnd.get(10, TimeUnit.SECONDS)).startsWith("refused 413");
        assertThat(receiverEnd).isNotDone();
    }
}
