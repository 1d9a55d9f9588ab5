package org.parley.client.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.client.FileTransferService;
import org.parley.core.client.FileTransferService.Direction;
import org.parley.core.client.FileTransferService.FileTransfer;
import org.parley.core.client.FileTransferService.State;

class TransfersModelTest {
    private static final String BOB = "sip:bob@parley.test";

    @TempDir
    Path dir;

    private final FakePort port = new FakePort();
    private final Files2 files = new Files2();
    private final ConversationViewModel vm = new ConversationViewModel(BOB, port, new FakePort.ManualScheduler(),
            Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC));

    TransfersModelTest() {
        port.files = files;
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeAnythingIsSent() throws Exception {
        Path big = Files.write(dir.resolve("big.bin"), new byte[2048]);
        files.max = 1024;
        String refusal = vm.transfers().send(big);
        assertThat(refusal).isEqualTo("big.bin is 2.0 KB: files up to 1.0 KB can be sent.");
        assertThat(files.sent).isEmpty();
        assertThat(vm.items()).singleElement().isInstanceOf(ChatItem.Notice.class);
    }

    @Test
    void aSentFileBecomesARowThatFollowsItsProgress() throws Exception {
        Path f = Files.write(dir.resolve("notes.txt"), new byte[100]);
        assertThat(vm.transfers().send(f)).isNull();
        TransferItem row = (TransferItem) vm.items().get(0);
        assertThat(row.transfer().state()).isEqualTo(State.OFFERED);
        assertThat(TransfersModel.status(row.transfer(), "Bob")).isEqualTo("Waiting for Bob to accept…");
        vm.transfers().onTransfer(with(row.transfer(), State.TRANSFERRING, 50));
        assertThat(row.progress()).isEqualTo(0.5);
        vm.transfers().onTransfer(with(row.transfer(), State.COMPLETED, 100));
        assertThat(TransfersModel.status(row.transfer(), "Bob")).isEqualTo("Sent");
        assertThat(vm.items()).hasSize(1);
    }

    @Test
    void anIncomingOfferIsAcceptedIntoTheDownloadsDirectory() {
        port.downloads = dir.resolve("Downloads");
        vm.transfers().onTransfer(new FileTransfer("in-1", BOB, "plan.pdf", 10, "application/pdf",
                Direction.INCOMING, State.OFFERED, 0, null, null));
        TransferItem row = (TransferItem) vm.items().get(0);
        vm.transfers().accept(row);
        assertThat(files.accepted).containsExactly("in-1 -> " + port.downloads);
        assertThat(Files.isDirectory(port.downloads)).isTrue();
    }

    @Test
    void transfersOfOtherPeersAreNotShownHere() {
        assertThat(vm.transfers().onTransfer(new FileTransfer("x", "sip:carol@parley.test", "a", 1, "text/plain",
                Direction.INCOMING, State.OFFERED, 0, null, null))).isFalse();
        assertThat(vm.items()).isEmpty();
    }

    @Test
    void failureShowsTheReason() {
        FileTransfer t = new FileTransfer("f", BOB, "a.txt", 10, "text/plain", Direction.INCOMING, State.FAILED, 3,
                null, new org.parley.core.error.ParleyException(org.parley.core.error.ErrorCode.INVALID_ARGUMENT,
                "hash mismatch"));
        assertThat(TransfersModel.status(t, "Bob")).isEqualTo("Failed: hash mismatch");
    }

    @Test
    void sizesReadNaturally() {
        assertThat(TransfersModel.size(1)).isEqualTo("1 byte");
        assertThat(TransfersModel.size(1536)).isEqualTo("1.5 KB");
        assertThat(TransfersModel.size(25L * 1024 * 1024)).isEqualTo("25 MB");
    }

    private static FileTransfer with(FileTransfer t, State s, long done) {
        return new FileTransfer(t.id(), t.peer(), t.fileName(), t.size(), t.contentType(), t.direction(), s, done,
                t.path(), null);
    }

    /** Records what the model asks of file transfer. */
    private static final class Files2 implements FileTransferService {
        long max = 1 << 20;
        final List<String> sent = new ArrayList<>();
        final List<String> accepted = new ArrayList<>();

        @Override
        public FileTransfer send(String to, Path file) {
            sent.add(to + " " + file);
            return new FileTransfer("out-" + sent.size(), to, file.getFileName().toString(), 100, "text/plain",
                    Direction.OUTGOING, State.OFFERED, 0, file, null);
        }

        @Override
        public void accept(String transferId, Path directory) {
            accepted.add(transferId + " -> " + directory);
        }

        @Override
        public void decline(String transferId) {
        }

        @Override
        public void cancel(String transferId) {
        }

        @Override
        public long maxBytes() {
            return max;
        }

        @Override
        public void addListener(FileTransferListener listener) {
        }
    }
}
