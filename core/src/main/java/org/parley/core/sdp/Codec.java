package org.parley.core.sdp;

import java.util.Locale;

/**
 * One RTP payload format of an m= line: payload type, encoding name, clock rate, channels (1 when absent) and the
 * fmtp parameters (null when none). Two codecs match on name (case-insensitive), clock rate and channels.
 */
public record Codec(int payloadType, String name, int clockRate, int channels, String fmtp) {

    public Codec {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("RTP payload type out of range: " + payloadType);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("codec without an encoding name");
        }
        if (channels < 1) {
            channels = 1;
        }
    }

    public static Codec of(int payloadType, String name, int clockRate) {
        return new Codec(payloadType, name, clockRate, 1, null);
    }

    public Codec withFmtp(String params) {
        return new Codec(payloadType, name, clockRate, channels, params);
    }

    public Codec withPayloadType(int pt) {
        return new Codec(pt, name, clockRate, channels, fmtp);
    }

    public boolean sameFormat(Codec other) {
        return name.equalsIgnoreCase(other.name) && clockRate == other.clockRate && channels == other.channels;
    }

    /** The rtpmap value, e.g. {@code 0 PCMU/8000} or {@code 111 opus/48000/2}. */
    public String rtpmap() {
        return payloadType + " " + name + "/" + clockRate + (channels > 1 ? "/" + channels : "");
    }

    /** RFC 3551's static audio payload types, for m= lines that list a static type without an rtpmap. */
    static Codec staticType(int pt) {
        return switch (pt) {
            case 0 -> of(0, "PCMU", 8000);
            case 3 -> of(3, "GSM", 8000);
            case 4 -> of(4, "G723", 8000);
            case 8 -> of(8, "PCMA", 8000);
            case 9 -> of(9, "G722", 8000);
            case 18 -> of(18, "G729", 8000);
            default -> null;
        };
    }

    public boolean isTelephoneEvent() {
        return name.toLowerCase(Locale.ROOT).equals("telephone-event");
    }
}
