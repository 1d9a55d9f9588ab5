package org.parley.core.client.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSdpTest {
    @TempDir
    Path dir;

    @Test
    void anOfferCarriesTheRfc5547AttributesAndParsesBack() {
        FileSdp offer = new FileSdp(true, 9, "sendonly", "msrps://10.0.0.1:9/abc;tcp", "active", "SHA-256 AA:BB",
                "My \"best\" 100% photo.jpg", "image/jpeg", 12345, "72:24:5F", "t1");
        String sdp = offer.encode("10.0.0.1", "777");

        assertThat(sdp).contains("m=message 9 TCP/TLS/MSRP *\r\n", "a=sendonly\r\n", "a=accept-types:*\r\n",
                "a=path:msrps://10.0.0.1:9/abc;tcp\r\n", "a=setup:active\r\n", "a=fingerprint:SHA-256 AA:BB\r\n",
                "a=file-selector:name:\"My %22best%22 100%25 photo.jpg\" type:image/jpeg size:12345 hash:sha-1:72:24:5F\r\n",
                "a=file-transfer-id:t1\r\n", "a=file-disposition:attachment\r\n");
        assertThat(FileSdp.parse(sdp)).isEqualTo(offer);
        assertThat(FileSdp.mediaTypes(sdp)).containsExactly("message");
    }

    @Test
    void aPlainTcpOfferWithoutHashParses() {
        String sdp = "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nc=IN IP4 h\r\nt=0 0\r\nm=message 7654 TCP/MSRP *\r\n"
                + "a=sendonly\r\na=path:msrp://h:7654/x;tcp\r\na=file-selector:name:\"a b.txt\" size:10 type:text/plain\r\n";
        FileSdp f = FileSdp.parse(sdp);
        assertThat(f.tls()).isFalse();
        assertThat(f.fileName()).isEqualTo("a b.txt");
        assertThat(f.size()).isEqualTo(10);
        assertThat(f.sha1()).isNull();
        assertThat(f.setup()).isNull();
    }

    @Test
    void offersWithoutAFileSelectorOrAMessageStreamAreRefused() {
        assertThatThrownBy(() -> FileSdp.parse("v=0\r\nm=audio 4000 RTP/AVP 0\r\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m=message");
        assertThatThrownBy(() -> FileSdp.parse("v=0\r\nm=message 9 TCP/MSRP *\r\na=path:msrp://h:9/x;tcp\r\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file-selector");
        assertThat(FileSdp.mediaTypes("v=0\r\nm=audio 4000 RTP/AVP 0\r\nm=video 4002 RTP/AVP 96\r\n"))
                .containsExactly("audio", "video");
    }

    @Test
    void offeredNamesLoseEveryDirectoryPart() {
        assertThat(SavedFiles.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(SavedFiles.safeName("..\\..\\Windows\\win.ini")).isEqualTo("win.ini");
        assertThat(SavedFiles.safeName("/abs/path/report.pdf")).isEqualTo("report.pdf");
        assertThat(SavedFiles.safeName("..")).isEqualTo("file");
        assertThat(SavedFiles.safeName("")).isEqualTo("file");
        assertThat(SavedFiles.safeName("a:b|c?.txt")).isEqualTo("a_b_c_.txt");
        assertThat(SavedFiles.safeName(".hidden")).isEqualTo("hidden");
    }

    @Test
    void aTakenNameGetsTheNextFreeNumber() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "old");
        Files.writeString(dir.resolve("notes (1).txt"), "older");
        Path temp = Files.writeString(dir.resolve(".parley-x.part"), "new");

        Path saved = SavedFiles.moveToFreeName(temp, dir, "notes.txt");

        assertThat(saved).isEqualTo(dir.resolve("notes (2).txt"));
        assertThat(Files.readString(saved)).isEqualTo("new");
        assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("old");
        assertThat(temp).doesNotExist();
    }

    @Test
    void sha1IsWrittenAsSdpWritesIt() throws Exception {
        Path f = Files.writeString(dir.resolve("abc"), "abc");
        assertThat(SavedFiles.sha1(f)).isEqualTo("A9:99:3E:36:47:06:81:6A:BA:3E:25:71:78:50:C2:6C:9C:D0:D8:9D");
        assertThat(SavedFiles.sameHash("a9993e36", "A9:99:3E:36")).isTrue();
    }
}
