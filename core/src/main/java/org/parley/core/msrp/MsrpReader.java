package org.parley.core.msrp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads MSRP messages from a stream (RFC 4975 §7). Anything malformed, too long, or cut off by the end of the
 * stream is an {@link MsrpException} naming the problem: the reader never waits for bytes a broken peer will not send
 * beyond what the socket's own read timeout allows.
 */
public final class MsrpReader {
    static final int MAX_LINE = 8192;
    static final int MAX_HEADERS = 64;

    private final InputStream in;
    private final int maxBody;
    private final byte[] buf = new byte[16384];
    private int pos;
    private int limit;

    /** @param maxBody the largest body accepted in one message (chunk) */
    public MsrpReader(InputStream in, int maxBody) {
        this.in = in;
        this.maxBody = maxBody;
    }

    /** The next message, or null when the stream ended cleanly between messages. */
    public MsrpMessage read() throws IOException {
        if (!fill()) {
            return null;
        }
        String start = line("start line");
        String[] parts = start.split(" ", 4);
        if (parts.length < 3 || !"MSRP".equals(parts[0])) {
            throw new MsrpException("malformed MSRP start line '" + shorten(start) + "'");
        }
        String tid = parts[1];
        if (!MsrpMessage.validTransactionId(tid)) {
            throw new MsrpException("malformed MSRP transaction id '" + shorten(tid) + "'");
        }
        boolean response = parts[2].matches("\\d{3}");
        if (!response && (!parts[2].matches("[A-Z]+") || parts.length > 3)) {
            throw new MsrpException("malformed MSRP start line '" + shorten(start) + "'");
        }
        String endLine = "-------" + tid;
        Map<String, String> headers = new LinkedHashMap<>();
        Character flag = null;
        boolean hasBody = false;
        while (true) {
            String h = line("header");
            if (h.isEmpty()) {
                hasBody = true;
                break;
            }
            if (h.startsWith("-------")) {
                flag = endFlag(h, endLine);
                break;
            }
            int colon = h.indexOf(':');
            if (colon <= 0 || !h.substring(0, colon).matches("[A-Za-z0-9-]+") || headers.size() >= MAX_HEADERS) {
                throw new MsrpException(headers.size() < MAX_HEADERS ? "malformed MSRP header line '" + shorten(h) + "'"
                        : "more than " + MAX_HEADERS + " MSRP headers");
            }
            headers.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
        }
        byte[] body = null;
        if (hasBody) {
            if (response) {
                throw new MsrpException("an MSRP response with a body");
            }
            byte[] terminator = ("\r\n" + endLine).getBytes(StandardCharsets.US_ASCII);
            body = body(terminator);
            flag = (char) body[body.length - 1];
            body = Arrays.copyOf(body, body.length - 1 - terminator.length);
            expect('\r');
            expect('\n');
        }
        if (response) {
            String reason = parts.length > 3 ? parts[3] : "";
            return MsrpMessage.response(tid, Integer.parseInt(parts[2]), reason, headers);
        }
        return MsrpMessage.request(tid, parts[2], headers, body, flag);
    }

    private static char endFlag(String line, String endLine) throws MsrpException {
        if (line.length() != endLine.length() + 1 || !line.startsWith(endLine)) {
            throw new MsrpException("MSRP end line '" + shorten(line) + "' does not match the transaction");
        }
        char f = line.charAt(line.length() - 1);
        if (f != MsrpMessage.COMPLETE && f != MsrpMessage.CONTINUED && f != MsrpMessage.ABORTED) {
            throw new MsrpException("bad continuation flag in MSRP end line '" + shorten(line) + "'");
        }
        return f;
    }

    /** Body bytes up to and including CRLF end-line flag (the caller strips them). */
    private byte[] body(byte[] terminator) throws IOException {
        byte[] out = new byte[Math.min(maxBody, 65536) + terminator.length + 1];
        int n = 0;
        int cap = maxBody + terminator.length + 1;
        while (true) {
            if (pos == limit && !fill()) {
                throw new MsrpException("the stream ended inside an MSRP body");
            }
            byte b = buf[pos++];
            if (n == out.length) {
                if (n >= cap) {
                    throw new MsrpException("MSRP body longer than " + maxBody + " bytes");
                }
                out = Arrays.copyOf(out, Math.min(cap, out.length * 2));
            }
            out[n++] = b;
            if ((b == '$' || b == '+' || b == '#') && n > terminator.length && endsWith(out, n - 1, terminator)) {
                return Arrays.copyOf(out, n);
            }
        }
    }

    private static boolean endsWith(byte[] data, int end, byte[] suffix) {
        int from = end - suffix.length;
        for (int i = 0; i < suffix.length; i++) {
            if (data[from + i] != suffix[i]) {
                return false;
            }
        }
        return true;
    }

    private void expect(char c) throws IOException {
        if (pos == limit && !fill()) {
            throw new MsrpException("the stream ended inside an MSRP end line");
        }
        if (buf[pos++] != c) {
            throw new MsrpException("MSRP end line not followed by CRLF");
        }
    }

    private String line(String what) throws IOException {
        byte[] out = new byte[128];
        int n = 0;
        while (true) {
            if (pos == limit && !fill()) {
                throw new MsrpException("the stream ended inside an MSRP " + what);
            }
            byte b = buf[pos++];
            if (b == '\n') {
                if (n == 0 || out[n - 1] != '\r') {
                    throw new MsrpException("MSRP " + what + " not ended by CRLF");
                }
                return new String(out, 0, n - 1, StandardCharsets.UTF_8);
            }
            if (n >= MAX_LINE) {
                throw new MsrpException("MSRP " + what + " longer than " + MAX_LINE + " bytes");
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[n++] = b;
        }
    }

    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        int r = in.read(buf, 0, buf.length);
        if (r <= 0) {
            return false;
        }
        pos = 0;
        limit = r;
        return true;
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
