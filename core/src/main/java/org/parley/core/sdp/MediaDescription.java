package org.parley.core.sdp;

import java.util.List;

/**
 * One m= section: media type ({@code audio}), port (0 = refused or disabled), protocol ({@code RTP/AVP} or
 * {@code RTP/SAVP}), the payload formats in preference order, its direction, its own c= address (null: the
 * session's), the a=rtcp port (0 when absent), the a=crypto lines (RFC 4568, kept as text) and any other attribute
 * lines (without {@code a=}) kept as they came.
 */
public record MediaDescription(String media, int port, String protocol, List<Codec> codecs, Direction direction,
                               String connection, int rtcpPort, List<String> crypto, List<String> otherAttributes) {
    public static final String AVP = "RTP/AVP";
    public static final String SAVP = "RTP/SAVP";

    public MediaDescription {
        codecs = List.copyOf(codecs);
        crypto = List.copyOf(crypto);
        otherAttributes = List.copyOf(otherAttributes);
        if (direction == null) {
            direction = Direction.SENDRECV;
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("media port out of range: " + port);
        }
    }

    /** An audio stream with the given formats, no crypto, no extra attributes. */
    public static MediaDescription audio(int port, String protocol, List<Codec> codecs, Direction direction) {
        return new MediaDescription("audio", port, protocol, codecs, direction, null, 0, List.of(), List.of());
    }

    public boolean secure() {
        return SAVP.equals(protocol);
    }

    public boolean refused() {
        return port == 0;
    }

    public MediaDescription withDirection(Direction d) {
        return new MediaDescription(media, port, protocol, codecs, d, connection, rtcpPort, crypto, otherAttributes);
    }

    public MediaDescription withCrypto(List<String> lines) {
        return new MediaDescription(media, port, protocol, codecs, direction, connection, rtcpPort, lines, otherAttributes);
    }

    public MediaDescription withRtcpPort(int rtcp) {
        return new MediaDescription(media, port, protocol, codecs, direction, connection, rtcp, crypto, otherAttributes);
    }

    /** This stream refused in an answer: port 0, the offered protocol and first format kept (RFC 3264 §6). */
    public MediaDescription refusal() {
        List<Codec> keep = codecs.isEmpty() ? List.of(Codec.of(0, "PCMU", 8000)) : List.of(codecs.get(0));
        return new MediaDescription(media, 0, protocol, keep, direction.mirror(), null, 0, List.of(), List.of());
    }

    /** The first format that is not telephone-event (the voice codec), or null. */
    public Codec voiceCodec() {
        return codecs.stream().filter(c -> !c.isTelephoneEvent()).findFirst().orElse(null);
    }
}
