package org.parley.core.sdp;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A session description (RFC 4566) for audio calls: origin (user, session id, version, address), session name,
 * session-level c= address and direction, and the m= sections. {@link #parse} accepts what other user agents send
 * (unknown lines are ignored, unknown attributes kept per stream); {@link #encode} writes CRLF-terminated lines.
 */
public record SessionDescription(String originUser, long sessionId, long version, String originAddress,
                                 String sessionName, String connection, Direction sessionDirection,
                                 List<MediaDescription> media) {
    public static final String CONTENT_TYPE = "application/sdp";

    public SessionDescription {
        media = List.copyOf(media);
        if (sessionName == null || sessionName.isEmpty()) {
            sessionName = "-";
        }
    }

    /** The first m=audio section, or null. */
    public MediaDescription audio() {
        return media.stream().filter(m -> m.media().equals("audio")).findFirst().orElse(null);
    }

    /** Where a stream's media goes: its own c= address, else the session's. */
    public String addressOf(MediaDescription m) {
        return m.connection() != null ? m.connection() : connection;
    }

    public SessionDescription withMedia(List<MediaDescription> streams) {
        return new SessionDescription(originUser, sessionId, version, originAddress, sessionName, connection, null, streams);
    }

    /** The same session one version later (RFC 3264 §8: every new offer or answer in a dialog bumps it). */
    public SessionDescription nextVersion(List<MediaDescription> streams) {
        return new SessionDescription(originUser, sessionId, version + 1, originAddress, sessionName, connection, null, streams);
    }

    public static SessionDescription parse(byte[] body) {
        return parse(body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    public static SessionDescription parse(String text) {
        return SdpParser.parse(text);
    }

    public String encode() {
        StringBuilder b = new StringBuilder();
        String ip = ipType(originAddress);
        line(b, "v=0");
        line(b, "o=" + originUser + " " + sessionId + " " + version + " IN " + ip + " " + originAddress);
        line(b, "s=" + sessionName);
        if (connection != null) {
            line(b, "c=IN " + ipType(connection) + " " + connection);
        }
        line(b, "t=0 0");
        if (sessionDirection != null) {
            line(b, "a=" + sessionDirection.attribute());
        }
        for (MediaDescription m : media) {
            StringBuilder formats = new StringBuilder();
            for (Codec c : m.codecs()) {
                formats.append(' ').append(c.payloadType());
            }
            line(b, "m=" + m.media() + " " + m.port() + " " + m.protocol() + formats);
            if (m.connection() != null) {
                line(b, "c=IN " + ipType(m.connection()) + " " + m.connection());
            }
            for (Codec c : m.codecs()) {
                line(b, "a=rtpmap:" + c.rtpmap());
                if (c.fmtp() != null) {
                    line(b, "a=fmtp:" + c.payloadType() + " " + c.fmtp());
                }
            }
            if (m.rtcpPort() > 0) {
                line(b, "a=rtcp:" + m.rtcpPort());
            }
            for (String crypto : m.crypto()) {
                line(b, "a=crypto:" + crypto);
            }
            for (String other : m.otherAttributes()) {
                line(b, "a=" + other);
            }
            line(b, "a=" + m.direction().attribute());
        }
        return b.toString();
    }

    private static String ipType(String address) {
        return address != null && address.contains(":") ? "IP6" : "IP4";
    }

    private static void line(StringBuilder b, String s) {
        b.append(s).append("\r\n");
    }
}
