package org.parley.core.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads RFC 4566 text into a {@link SessionDescription}; throws IllegalArgumentException on what it cannot use. */
final class SdpParser {
    private SdpParser() {
    }

    static SessionDescription parse(String text) {
        String originUser = "-";
        long sessionId = 0;
        long version = 0;
        String originAddress = null;
        String sessionName = "-";
        String connection = null;
        Direction sessionDirection = null;
        List<Section> sections = new ArrayList<>();
        Section current = null;
        boolean sawVersion = false;
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.length() < 2 || line.charAt(1) != '=') {
                continue;
            }
            char type = line.charAt(0);
            String value = line.substring(2);
            switch (type) {
                case 'v' -> sawVersion = true;
                case 'o' -> {
                    String[] f = value.split(" ");
                    if (f.length < 6) {
                        throw new IllegalArgumentException("bad o= line: " + value);
                    }
                    originUser = f[0];
                    sessionId = parseLong(f[1]);
                    version = parseLong(f[2]);
                    originAddress = f[5];
                }
                case 's' -> sessionName = value;
                case 'c' -> {
                    String[] f = value.split(" ");
                    if (f.length < 3) {
                        throw new IllegalArgumentException("bad c= line: " + value);
                    }
                    String addr = f[2].split("/")[0];
                    if (current == null) {
                        connection = addr;
                    } else {
                        current.connection = addr;
                    }
                }
                case 'm' -> {
                    current = Section.of(value);
                    sections.add(current);
                }
                case 'a' -> {
                    Direction d = Direction.parse(value);
                    if (current == null) {
                        if (d != null) {
                            sessionDirection = d;
                        }
                    } else {
                        current.attribute(value, d);
                    }
                }
                default -> {
                    // t=, b=, i=, k= ... not needed for audio calls
                }
            }
        }
        if (!sawVersion) {
            throw new IllegalArgumentException("not a session description (no v= line)");
        }
        List<MediaDescription> media = new ArrayList<>();
        for (Section s : sections) {
            media.add(s.build(sessionDirection));
        }
        return new SessionDescription(originUser, sessionId, version, originAddress == null ? connection : originAddress,
                sessionName, connection, sessionDirection, media);
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            // some agents send ids beyond a long; keep a stable value
            return Math.abs((long) s.hashCode());
        }
    }

    private static int parseInt(String s, String what) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad " + what + ": " + s);
        }
    }

    /** One m= section while it is read. */
    private static final class Section {
        String media;
        int port;
        String protocol;
        List<Integer> formats = new ArrayList<>();
        Map<Integer, Codec> rtpmaps = new LinkedHashMap<>();
        Map<Integer, String> fmtps = new LinkedHashMap<>();
        Direction direction;
        String connection;
        int rtcp;
        List<String> crypto = new ArrayList<>();
        List<String> other = new ArrayList<>();

        static Section of(String value) {
            String[] f = value.trim().split("\\s+");
            if (f.length < 3) {
                throw new IllegalArgumentException("bad m= line: " + value);
            }
            Section s = new Section();
            s.media = f[0];
            s.port = parseInt(f[1].split("/")[0], "m= port");
            s.protocol = f[2];
            for (int i = 3; i < f.length; i++) {
                if (f[2].startsWith("RTP/")) {
                    s.formats.add(parseInt(f[i], "payload type"));
                }
            }
            return s;
        }

        void attribute(String value, Direction d) {
            if (d != null) {
                direction = d;
                return;
            }
            int colon = value.indexOf(':');
            String name = colon < 0 ? value : value.substring(0, colon);
            String arg = colon < 0 ? "" : value.substring(colon + 1).trim();
            switch (name) {
                case "rtpmap" -> {
                    String[] f = arg.split("\\s+", 2);
                    String[] enc = f.length > 1 ? f[1].split("/") : new String[0];
                    if (enc.length < 2) {
                        throw new IllegalArgumentException("bad rtpmap: " + arg);
                    }
                    int pt = parseInt(f[0], "rtpmap payload type");
                    int channels = enc.length > 2 ? parseInt(enc[2], "channels") : 1;
                    rtpmaps.put(pt, new Codec(pt, enc[0], parseInt(enc[1], "clock rate"), channels, null));
                }
                case "fmtp" -> {
                    String[] f = arg.split("\\s+", 2);
                    fmtps.put(parseInt(f[0], "fmtp payload type"), f.length > 1 ? f[1] : "");
                }
                case "rtcp" -> rtcp = parseInt(arg.split("\\s+")[0], "rtcp port");
                case "crypto" -> crypto.add(arg);
                default -> other.add(value);
            }
        }

        MediaDescription build(Direction sessionDirection) {
            List<Codec> codecs = new ArrayList<>();
            for (int pt : formats) {
                Codec c = rtpmaps.containsKey(pt) ? rtpmaps.get(pt) : Codec.staticType(pt);
                if (c == null) {
                    continue; // a dynamic type without rtpmap cannot be used
                }
                codecs.add(fmtps.containsKey(pt) ? c.withFmtp(fmtps.get(pt)) : c);
            }
            return new MediaDescription(media, port, protocol, codecs, direction == null ? sessionDirection : direction,
                    connection, rtcp, crypto, other);
        }
    }
}
