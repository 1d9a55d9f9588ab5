package org.parley.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.FileTransferService.Direction;
import org.parley.core.client.FileTransferService.FileTransfer;
import org.parley.core.client.FileTransferService.State;
import org.parley.core.client.UcClient;
import org.parley.core.client.sip.SipUcClient;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

/** File transfer between two real clients through a real server: SIP offer/answer, MSRP over TLS, the checks. */
class FileTransferTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");
    @RegisterExtension
    final Clients clients = new Clients();

    @TempDir
    Path tmp;

    /** Every event one client saw, in order. */
    static final class Events {
        final List<FileTransfer> all = new CopyOnWriteArrayList<>();

        Events(UcClient c) {
            c.files().addListener(all::add);
        }

        FileTransfer last(Direction d) {
            for (int i = all.size() - 1; i >= 0; i--) {
                if (all.get(i).direction() == d) {
                    return all.get(i);
                }
            }
            return null;
        }

        FileTransfer awaitOffer() throws InterruptedException {
            ReconnectTest.waitFor(() -> last(Direction.INCOMING) != null, 10_000);
            return last(Direction.INCOMING);
        }

        FileTransfer awaitFinal(Direction d) throws InterruptedException {
            ReconnectTest.waitFor(() -> last(d) != null && last(d).state().isFinal(), 20_000);
            return last(d);
        }

        List<Long> progress(Direction d) {
            return all.stream().filter(t -> t.direction() == d).map(FileTransfer::transferred).toList();
        }
    }

    /** Runs {@code action} once, from the listener, when the first bytes of an incoming transfer are reported. */
    private static void whenBytesArrive(UcClient receiver, Runnable action) {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        receiver.files().addListener(t -> {
            if (t.direction() == Direction.INCOMING && t.transferred() > 0 && done.compareAndSet(false, true)) {
                action.run();
            }
        });
    }

    private Path randomFile(String name, int size) throws IOException {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        Path dir = Files.createDirectories(tmp.resolve("out"));
        return Files.write(dir.resolve(name), data);
    }

    private Path inbox() throws IOException {
        return Files.createDirectories(tmp.resolve("in"));
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    private void sendsAThreeMegabyteFileThatArrivesIntact(Transport transport) throws Exception {
        var alice = clients.signedIn(parley.server(), transport, "alice");
        var bob = clients.signedIn(parley.server(), transport, "bob");
        Events a = new Events(alice);
        Events b = new Events(bob);
        Path file = randomFile("report.bin", 3 * 1024 * 1024 + 123);
        Path in = inbox();

        FileTransfer sent = alice.files().send("bob", file);
        assertThat(sent.state()).isEqualTo(State.OFFERED);
        assertThat(sent.size()).isEqualTo(Files.size(file));

        FileTransfer offer = b.awaitOffer();
        assertThat(offer.state()).isEqualTo(State.OFFERED);
        assertThat(offer.peer()).isEqualTo("sip:alice@" + TestServer.DOMAIN);
        assertThat(offer.fileName()).isEqualTo("report.bin");
        assertThat(offer.size()).isEqualTo(Files.size(file));
        bob.files().accept(offer.id(), in);

        FileTransfer received = b.awaitFinal(Direction.INCOMING);
        FileTransfer delivered = a.awaitFinal(Direction.OUTGOING);
        assertThat(received.state()).as("receiver: %s", received.error()).isEqualTo(State.COMPLETED);
        assertThat(delivered.state()).as("sender: %s", delivered.error()).isEqualTo(State.COMPLETED);
        assertThat(received.path()).isEqualTo(in.resolve("report.bin"));
        assertThat(Files.mismatch(received.path(), file)).isEqualTo(-1L);
        assertThat(filesIn(in)).containsExactly(in.resolve("report.bin"));
        for (List<Long> p : List.of(a.progress(Direction.OUTGOING), b.progress(Direction.INCOMING))) {
            assertThat(p).isSorted();
            assertThat(p.get(p.size() - 1)).isEqualTo(Files.size(file));
            assertThat(p.size()).isGreaterThan(2);
        }
    }

    @Test
    void aFileSentOverTlsSignallingArrivesByteIdenticalWithMonotonicProgress() throws Exception {
        sendsAThreeMegabyteFileThatArrivesIntact(Transport.TLS);
    }

    @Test
    void aFileSentOverUdpSignallingArrivesByteIdenticalWithMonotonicProgress() throws Exception {
        sendsAThreeMegabyteFileThatArrivesIntact(Transport.UDP);
    }

    @Test
    void declinedOfferIsDeclinedOnBothSides() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.TCP, "alice");
        var bob = clients.signedIn(parley.server(), Transport.UDP, "bob");
        Events a = new Events(alice);
        Events b = new Events(bob);
        alice.files().send("bob", randomFile("photo.jpg", 10_000));

        bob.files().decline(b.awaitOffer().id());

        assertThat(b.awaitFinal(Direction.INCOMING).state()).isEqualTo(State.DECLINED);
        assertThat(a.awaitFinal(Direction.OUTGOING).state()).isEqualTo(State.DECLINED);
    }

    @Test
    void senderCancellingBeforeTheAnswerCancelsTheOfferAtTheReceiver() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.UDP, "alice");
        var bob = clients.signedIn(parley.server(), Transport.UDP, "bob");
        Events a = new Events(alice);
        Events b = new Events(bob);
        FileTransfer sent = alice.files().send("bob", randomFile("notes.txt", 1000));
        b.awaitOffer();

        alice.files().cancel(sent.id());

        assertThat(a.awaitFinal(Direction.OUTGOING).state()).isEqualTo(State.CANCELLED);
        assertThat(b.awaitFinal(Direction.INCOMING).state()).isEqualTo(State.CANCELLED);
    }

    @Test
    void cancellingMidTransferCancelsBothSidesAndLeavesNoPartialFile() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.TLS, "alice");
        var bob = clients.signedIn(parley.server(), Transport.TLS, "bob");
        Events a = new Events(alice);
        Events b = new Events(bob);
        Path in = inbox();
        FileTransfer sent = alice.files().send("bob", randomFile("big.bin", 60 * 1024 * 1024));
        // cancelled from the event of the first bytes received: the sender is then far from done
        whenBytesArrive(bob, () -> alice.files().cancel(sent.id()));
        bob.files().accept(b.awaitOffer().id(), in);

        assertThat(a.awaitFinal(Direction.OUTGOING).state()).isEqualTo(State.CANCELLED);
        FileTransfer got = b.awaitFinal(Direction.INCOMING);
        assertThat(got.state()).isEqualTo(State.CANCELLED);
        assertThat(got.transferred()).isLessThan(got.size());
        ReconnectTest.waitFor(() -> {
            try {
                return filesIn(in).isEmpty();
            } catch (IOException e) {
                return false;
            }
        }, 3000);
    }

    @Test
    void receiverCancellingMidTransferCancelsBothSidesAndLeavesNoPartialFile() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.TCP, "alice");
        var bob = clients.signedIn(parley.server(), Transport.TCP, "bob");
        Events a = new Events(alice);
        Events b = new Events(bob);
        Path in = inbox();
        alice.files().send("bob", randomFile("big.bin", 60 * 1024 * 1024));
        FileTransfer offer = b.awaitOffer();
        whenBytesArrive(bob, () -> bob.files().cancel(offer.id()));
        bob.files().accept(offer.id(), in);

        assertThat(b.awaitFinal(Direction.INCOMING).state()).isEqualTo(State.CANCELLED);
        assertThat(a.awaitFinal(Direction.OUTGOING).state()).isEqualTo(State.CANCELLED);
        ReconnectTest.waitFor(() -> {
            try {
                return filesIn(in).isEmpty();
            } catch (IOException e) {
                return false;
            }
        }, 3000);
    }

    @Test
    void aFileOverTheLimitIsRefusedByTheSenderAtOnce() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.UDP, "alice");
        Path big = tmp.resolve("huge.iso");
        try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(alice.files().maxBytes() + 1);
        }
        assertThat(alice.files().maxBytes()).isEqualTo(100L * 1024 * 1024);

        assertThatThrownBy(() -> alice.files().send("bob", big))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test
    void aFileOverTheReceiversLimitIsRefusedByTheReceiver() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.UDP, "alice");
        SipUcClient bob = SipUcClient.create(Clients.config(parley.server(), Transport.UDP, "bob", clients.newDataDir()),
                clients.events, Clients.FAST.withMaxFileBytes(1000), Clock.systemUTC());
        try {
            bob.signIn(TestServer.password("bob").toCharArray()).get(10, java.util.concurrent.TimeUnit.SECONDS);
            Events a = new Events(alice);
            Events b = new Events(bob);

            alice.files().send("bob", randomFile("slides.pdf", 5000));

            FileTransfer refused = b.awaitFinal(Direction.INCOMING);
            assertThat(refused.state()).isEqualTo(State.FAILED);
            assertThat(refused.error().code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            FileTransfer sent = a.awaitFinal(Direction.OUTGOING);
            assertThat(sent.state()).isEqualTo(State.FAILED);
            assertThat(sent.error().code()).isEqualTo(ErrorCode.REFUSED);
        } finally {
            bob.close();
        }
    }

    @Test
    void aTakenNameIsSavedUnderTheNextFreeName() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.UDP, "alice");
        var bob = clients.signedIn(parley.server(), Transport.UDP, "bob");
        Events b = new Events(bob);
        Path in = inbox();
        Files.writeString(in.resolve("passwd"), "already here");
        Path file = randomFile("passwd", 4000);

        alice.files().send("bob", file);
        bob.files().accept(b.awaitOffer().id(), in);

        FileTransfer got = b.awaitFinal(Direction.INCOMING);
        assertThat(got.state()).isEqualTo(State.COMPLETED);
        assertThat(got.path()).isEqualTo(in.resolve("passwd (1)"));
        assertThat(Files.readString(in.resolve("passwd"))).isEqualTo("already here");
        assertThat(Files.mismatch(got.path(), file)).isEqualTo(-1L);
    }

    @Test
    void theFirstOfSeveralDevicesToAcceptGetsTheFileAndTheOthersAreCancelled() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.TCP, "alice");
        var bobDesk = clients.signedIn(parley.server(), Transport.UDP, "bob");
        var bobLaptop = clients.signedIn(parley.server(), Transport.TLS, "bob");
        Events a = new Events(alice);
        Events desk = new Events(bobDesk);
        Events laptop = new Events(bobLaptop);
        Path in = inbox();
        Path file = randomFile("agenda.txt", 20_000);

        alice.files().send("bob", file);
        FileTransfer onLaptop = laptop.awaitOffer();
        desk.awaitOffer();
        bobLaptop.files().accept(onLaptop.id(), in);

        assertThat(laptop.awaitFinal(Direction.INCOMING).state()).isEqualTo(State.COMPLETED);
        assertThat(a.awaitFinal(Direction.OUTGOING).state()).isEqualTo(State.COMPLETED);
        assertThat(desk.awaitFinal(Direction.INCOMING).state()).isEqualTo(State.CANCELLED);
        assertThat(filesIn(in)).containsExactly(in.resolve("agenda.txt"));
    }
}
