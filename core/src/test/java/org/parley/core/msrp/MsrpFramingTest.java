package org.parley.core.msrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MsrpFramingTest {

    private static Map<String, String> paths() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("To-Path", "msrps://127.0.0.1:40000/bob1;tcp");
        h.put("From-Path", "msrps://127.0.0.1:9/alice1;tcp");
        return h;
    }

    private static MsrpReader reader(byte[] wire) {
        return new MsrpReader(new ByteArrayInputStream(wire), 1024 * 1024);
    }

    private static MsrpReader reader(String wire) {
        return reader(wire.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSendWithBodySerializesWithBlankLineBodyAndEndLine() {
        Map<String, String> h = paths();
        h.put("Message-ID", "m1");
        h.put("Byte-Range", "1-5/5");
        h.put("Content-Type", "text/plain");
        byte[] wire = MsrpMessage.request("tx123", "SEND", h, "Hello".getBytes(StandardCharsets.UTF_8), '$').encode();

        assertThat(new String(wire, StandardCharsets.UTF_8)).isEqualTo("MSRP tx123 SEND\r\n"
                + "To-Path: msrps://127.0.0.1:40000/bob1;tcp\r\n"
                + "From-Path: msrps://127.0.0.1:9/alice1;tcp\r\n"
                + "Message-ID: m1\r\nByte-Range: 1-5/5\r\nContent-Type: text/plain\r\n"
                + "\r\nHello\r\n-------tx123$\r\n");
    }

    @Test
    void requestsAndResponsesRoundTripThroughTheReader() throws IOException {
        Map<String, String> h = paths();
        h.put("Content-Type", "application/octet-stream");
        byte[] body = {0, 13, 10, '-', '-', 1, (byte) 0xff};
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(MsrpMessage.request("abc", "SEND", h, body, '+').encode());
        wire.writeBytes(MsrpMessage.response("abc", 200, "OK", paths()).encode());
        MsrpReader r = reader(wire.toByteArray());

        MsrpMessage send = r.read();
        assertThat(send.isRequest()).isTrue();
        assertThat(send.method()).isEqualTo("SEND");
        assertThat(send.body()).isEqualTo(body);
        assertThat(send.flag()).isEqualTo(MsrpMessage.CONTINUED);
        assertThat(send.header("content-type")).isEqualTo("application/octet-stream");
        MsrpMessage ok = r.read();
        assertThat(ok.isRequest()).isFalse();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.reason()).isEqualTo("OK");
        assertThat(ok.transactionId()).isEqualTo("abc");
        assertThat(r.read()).as("clean end of stream").isNull();
    }

    @Test
    void aBodyContainingSomethingLikeAnEndLineOfAnotherTransactionStaysInTheBody() throws IOException {
        Map<String, String> h = paths();
        h.put("Content-Type", "text/plain");
        byte[] body = "line\r\n-------other$\r\nmore".getBytes(StandardCharsets.UTF_8);
        MsrpMessage m = reader(MsrpMessage.request("mine", "SEND", h, body, '$').encode()).read();
        assertThat(m.body()).isEqualTo(body);
    }

    @Test
    void chunksWithByteRangesReassembleTheWholeMessage() throws IOException {
        byte[] data = new byte[200_000];
        new Random(7).nextBytes(data);
        int chunk = 65536;
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int off = 0; off < data.length; off += chunk) {
            int n = Math.min(chunk, data.length - off);
            Map<String, String> h = paths();
            h.put("Message-ID", "big");
            h.put("Byte-Range", new ByteRange(off + 1, off + n, data.length).toString());
            h.put("Content-Type", "application/octet-stream");
            byte[] body = java.util.Arrays.copyOfRange(data, off, off + n);
            wire.writeBytes(MsrpMessage.request("tx" + off, "SEND", h, body, off + n < data.length ? '+' : '$').encode());
        }
        MsrpReader r = reader(wire.toByteArray());
        byte[] got = new byte[data.length];
        int chunks = 0;
        char lastFlag = 0;
        for (MsrpMessage m = r.read(); m != null; m = r.read()) {
            ByteRange range = ByteRange.parse(m.header("Byte-Range"));
            assertThat(range.total()).isEqualTo(data.length);
            System.arraycopy(m.body(), 0, got, (int) range.start() - 1, m.body().length);
            assertThat(range.end() - range.start() + 1).isEqualTo(m.body().length);
            lastFlag = m.flag();
            chunks++;
        }
        assertThat(chunks).isEqualTo(4);
        assertThat(lastFlag).isEqualTo('$');
        assertThat(got).isEqualTo(data);
    }

    @Test
    void byteRangesAndUrisParseAndFormat() throws MsrpException {
        assertThat(ByteRange.parse("1-65536/3145728")).isEqualTo(new ByteRange(1, 65536, 3145728));
        assertThat(ByteRange.parse("65537-*/*")).isEqualTo(new ByteRange(65537, -1, -1));
        assertThat(new ByteRange(65537, -1, -1).toString()).isEqualTo("65537-*/*");
        assertThatThrownBy(() -> ByteRange.parse("5-2/10")).isInstanceOf(MsrpException.class).hasMessageContaining("5-2/10");
        assertThatThrownBy(() -> ByteRange.parse("x")).isInstanceOf(MsrpException.class);

        MsrpUri u = MsrpUri.parse("msrps://192.0.2.1:2855/s3ss10n;tcp");
        assertThat(u).isEqualTo(new MsrpUri(true, "192.0.2.1", 2855, "s3ss10n"));
        assertThat(u.toString()).isEqualTo("msrps://192.0.2.1:2855/s3ss10n;tcp");
        assertThat(MsrpUri.parse("msrp://[::1]:9/a;tcp").host()).isEqualTo("::1");
        assertThatThrownBy(() -> MsrpUri.parse("http://x:1/a;tcp")).isInstanceOf(MsrpException.class);
        assertThatThrownBy(() -> MsrpUri.parse("msrp://x/a;tcp")).isInstanceOf(MsrpException.class);
    }

    @Test
    void malformedInputIsAClearErrorNotAHang() {
        assertThatThrownBy(() -> reader("HTTP/1.1 200 OK\r\n\r\n").read())
                .isInstanceOf(MsrpException.class).hasMessageContaining("malformed MSRP start line");
        assertThatThrownBy(() -> reader("MSRP a SEND\r\n-------a$\r\n").read())
                .isInstanceOf(MsrpException.class).hasMessageContaining("transaction id");
        assertThatThrownBy(() -> reader("MSRP abc SEND\r\nTo-Path msrp://x:1/a;tcp\r\n-------abc$\r\n").read())
                .isInstanceOf(MsrpException.class).hasMessageContaining("header line");
        assertThatThrownBy(() -> reader("MSRP abc SEND\r\n-------xyz$\r\n").read())
                .isInstanceOf(MsrpException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> reader("MSRP abc SEND\r\n-------abc!\r\n").read())
                .isInstanceOf(MsrpException.class).hasMessageContaining("continuation flag");
        assertThatThrownBy(() -> reader("MSRP abc SEND\nTo-Path: x\n").read())
                .isInstanceOf(MsrpException.class).hasMessageContaining("CRLF");
        assertThatThrownBy(() -> reader("MSRP abc SEND\r\nContent-Type: text/plain\r\n\r\nHello, the connection dro").read())
                .isInstanceOf(MsrpException.class).hasMessageContaining("ended inside an MSRP body");
        assertThatThrownBy(() -> reader("MSRP abc SEND\r\nTo-Path: x").read())
                .isInstanceOf(MsrpException.class).hasMessageContaining("ended inside");
        assertThatThrownBy(() -> reader("MSRP abc 200 OK\r\n\r\nbody\r\n-------abc$\r\n").read())
                .isInstanceOf(MsrpException.class).hasMessageContaining("response with a body");
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedWithoutReadingOnForever() {
        byte[] endless = new byte[300_000];
        java.util.Arrays.fill(endless, (byte) 'x');
        byte[] head = "MSRP abc SEND\r\nContent-Type: text/plain\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] wire = new byte[head.length + endless.length];
        System.arraycopy(head, 0, wire, 0, head.length);
        System.arraycopy(endless, 0, wire, head.length, endless.length);
        MsrpReader small = new MsrpReader(new ByteArrayInputStream(wire), 100_000);
        assertThatThrownBy(small::read).isInstanceOf(MsrpException.class).hasMessageContaining("longer than 100000");
    }

    @Test
    void anOverlongHeaderLineIsRefused() {
        String wire = "MSRP abc SEND\r\nX: " + "y".repeat(MsrpReader.MAX_LINE + 10) + "\r\n-------abc$\r\n";
        assertThatThrownBy(() -> reader(wire).read()).isInstanceOf(MsrpException.class).hasMessageContaining("longer than");
    }
}
