package org.parley.core.client.sip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SDP of a file transfer (RFC 5547 over MSRP, RFC 4975): one {@code m=message} stream, its direction
 * (sendonly offer, recvonly answer), the MSRP path, who connects ({@code a=setup}, RFC 6135/4145), the TLS
 * certificate fingerprint (RFC 8122), and the file selector (name, type, size, SHA-1) with the transfer id.
 *
 * @param tls         TCP/TLS/MSRP (msrps) rather than TCP/MSRP
 * @param port        the m-line port (9 for the side that only connects)
 * @param direction   sendonly / recvonly
 * @param path        the MSRP URI of this side
 * @param setup       active (connects) or passive (listens)
 * @param fingerprint {@code SHA-256 AB:...}, null without TLS
 * @param fileName    offered name (no directory part is trusted from it)
 * @param fileType    media type of the file
 * @param size        bytes
 * @param sha1        SHA-1 of the content as colon-separated upper-case hex, or null
 * @param transferId  a=file-transfer-id
 */
record FileSdp(boolean tls, int port, String direction, String path, String setup, String fingerprint, String fileName,
               String fileType, long size, String sha1, String transferId) {

    static final String CONTENT_TYPE = "application/sdp";

    String encode(String host, String sessionId) {
        String ip = host.contains(":") ? "IP6" : "IP4";
        StringBuilder b = new StringBuilder();
        b.append("v=0\r\n");
        b.append("o=- ").append(sessionId).append(" 1 IN ").append(ip).append(' ').append(host).append("\r\n");
        b.append("s=-\r\n");
        b.append("c=IN ").append(ip).append(' ').append(host).append("\r\n");
        b.append("t=0 0\r\n");
        b.append("m=message ").append(port).append(tls ? " TCP/TLS/MSRP *" : " TCP/MSRP *").append("\r\n");
        b.append("a=").append(direction).append("\r\n");
        b.append("a=accept-types:*\r\n");
        b.append("a=path:").append(path).append("\r\n");
        b.append("a=setup:").append(setup).append("\r\n");
        if (fingerprint != null) {
            b.append("a=fingerprint:").append(fingerprint).append("\r\n");
        }
        b.append("a=file-selector:name:\"").append(encodeName(fileName)).append("\" type:").append(fileType)
                .append(" size:").append(size);
        if (sha1 != null) {
            b.append(" hash:sha-1:").append(sha1);
        }
        b.append("\r\n");
        b.append("a=file-transfer-id:").append(transferId).append("\r\n");
        b.append("a=file-disposition:attachment\r\n");
        return b.toString();
    }

    /** The media types of every m-line ({@code message}, {@code audio}, ...), in order. */
    static List<String> mediaTypes(String sdp) {
        List<String> out = new ArrayList<>();
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("m=")) {
                String[] f = line.substring(2).trim().split("\\s+");
                out.add(f[0].toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Parses the first m=message stream; IllegalArgumentException says what is missing or wrong. */
    static FileSdp parse(String sdp) {
        boolean inMessage = false;
        Boolean tls = null;
        int port = 0;
        String direction = "sendrecv";
        String path = null;
        String setup = null;
        String fingerprint = null;
        String selector = null;
        String transferId = null;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.trim();
            if (line.startsWith("m=")) {
                if (tls != null) {
                    break;
                }
                String[] f = line.substring(2).split("\\s+");
                inMessage = f.length >= 3 && "message".equalsIgnoreCase(f[0]);
                if (inMessage) {
                    String proto = f[2].toUpperCase(Locale.ROOT);
                    if (!proto.equals("TCP/MSRP") && !proto.equals("TCP/TLS/MSRP")) {
                        throw new IllegalArgumentException("unsupported transport " + f[2]);
                    }
                    tls = proto.equals("TCP/TLS/MSRP");
                    port = parseInt(f[1], "port");
                }
                continue;
            }
            if (!line.startsWith("a=")) {
                continue;
            }
            String attr = line.substring(2);
            int colon = attr.indexOf(':');
            String name = (colon < 0 ? attr : attr.substring(0, colon)).toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : attr.substring(colon + 1).trim();
            if (name.equals("fingerprint")) {
                fingerprint = value;
            }
            if (!inMessage) {
                continue;
            }
            switch (name) {
                case "sendonly", "recvonly", "sendrecv", "inactive" -> direction = name;
                case "path" -> path = value;
                case "setup" -> setup = value.toLowerCase(Locale.ROOT);
                case "file-selector" -> selector = value;
                case "file-transfer-id" -> transferId = value;
                default -> { }
            }
        }
        if (tls == null) {
            throw new IllegalArgumentException("no m=message stream");
        }
        if (path == null) {
            throw new IllegalArgumentException("no a=path");
        }
        if (selector == null) {
            throw new IllegalArgumentException("no a=file-selector");
        }
        String fileName = null;
        String type = "application/octet-stream";
        long size = -1;
        String sha1 = null;
        String s = selector;
        while (!s.isEmpty()) {
            s = s.stripLeading();
            if (s.startsWith("name:\"")) {
                int end = s.indexOf('"', 6);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated file name in the file selector");
                }
                fileName = decodeName(s.substring(6, end));
                s = s.substring(end + 1);
                continue;
            }
            int sp = s.indexOf(' ');
            String token = sp < 0 ? s : s.substring(0, sp);
            s = sp < 0 ? "" : s.substring(sp + 1);
            String lower = token.toLowerCase(Locale.ROOT);
            if (lower.startsWith("type:")) {
                type = token.substring(5);
            } else if (lower.startsWith("size:")) {
                size = parseLong(token.substring(5));
            } else if (lower.startsWith("hash:sha-1:")) {
                sha1 = token.substring(11).toUpperCase(Locale.ROOT);
            }
        }
        if (fileName == null || size < 0) {
            throw new IllegalArgumentException("the file selector lacks the name or size");
        }
        return new FileSdp(tls, port, direction, path, setup, fingerprint, fileName, type, size, sha1, transferId);
    }

    private static int parseInt(String v, String what) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad " + what + " '" + v + "'");
        }
    }

    private static long parseLong(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad size '" + v + "'");
        }
    }

    /** Percent-encodes what cannot stand inside the quoted name: %, ", control characters. */
    static String encodeName(String name) {
        StringBuilder b = new StringBuilder();
        for (byte x : name.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c == '%' || c == '"' || c < 0x20 || c == 0x7f) {
                b.append('%').append(String.format(Locale.ROOT, "%02X", c));
            } else {
                b.append((char) c);
            }
        }
        return new String(b.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    static String decodeName(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length) {
                try {
                    out.write(Integer.parseInt(new String(in, i + 1, 2, StandardCharsets.US_ASCII), 16));
                    i += 2;
                    continue;
                } catch (NumberFormatException ignored) {
                    // a lone percent sign stays as it is
                }
            }
            out.write(in[i]);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
