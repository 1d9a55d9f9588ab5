package org.parley.core.sdp;

import java.util.Locale;

/** The media direction attribute of RFC 3264 §5.1, as seen by the side that wrote the description. */
public enum Direction {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE;

    public String attribute() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The direction an answer takes for this offered one (RFC 3264 §6.1): send and receive swap. */
    public Direction mirror() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            default -> this;
        };
    }

    public boolean sends() {
        return this == SENDRECV || this == SENDONLY;
    }

    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }

    /** The strongest direction both allow: what this side may do when it wants {@code this} and the peer offered {@code offered}. */
    public Direction intersect(Direction offeredMirrored) {
        boolean send = sends() && offeredMirrored.sends();
        boolean recv = receives() && offeredMirrored.receives();
        return send && recv ? SENDRECV : send ? SENDONLY : recv ? RECVONLY : INACTIVE;
    }

    static Direction parse(String attr) {
        for (Direction d : values()) {
            if (d.attribute().equals(attr)) {
                return d;
            }
        }
        return null;
    }
}
