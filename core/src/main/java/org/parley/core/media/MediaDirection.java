package org.parley.core.media;

/** SDP media direction (RFC 3264) of a session, seen from this side. */
public enum MediaDirection {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE;

    public boolean sends() { return this == SENDRECV || this == SENDONLY; }

    public boolean receives() { return this == SENDRECV || this == RECVONLY; }

    /** The direction the other side answers with (sendonly ↔ recvonly). */
    public MediaDirection reverse() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            default -> this;
        };
    }

    org.jitsi.service.neomedia.MediaDirection toJitsi() {
        return switch (this) {
            case SENDRECV -> org.jitsi.service.neomedia.MediaDirection.SENDRECV;
            case SENDONLY -> org.jitsi.service.neomedia.MediaDirection.SENDONLY;
            case RECVONLY -> org.jitsi.service.neomedia.MediaDirection.RECVONLY;
            case INACTIVE -> org.jitsi.service.neomedia.MediaDirection.INACTIVE;
        };
    }
}
