package org.parley.core.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 3264 offer/answer for audio. {@link #answer} keeps the offerer's codec order (the first offered codec this
 * side has wins, plus telephone-event when both have it), mirrors the offered direction, and refuses (port 0) any
 * stream it cannot take: non-audio media, no common codec, SRTP offered without local keys, or plain RTP when policy
 * forbids it. {@link #offer} builds an offer; {@link #holdDirection} says which direction puts a call on hold.
 */
public final class OfferAnswer {
    private OfferAnswer() {
    }

    /** An offer of every local codec with the given direction (a new call: SENDRECV; hold: see {@link #holdDirection}). */
    public static SessionDescription offer(LocalMedia local, Direction direction, long version) {
        String protocol = local.srtp() ? MediaDescription.SAVP : MediaDescription.AVP;
        MediaDescription audio = MediaDescription.audio(local.rtpPort(), protocol, local.codecs(), direction)
                .withCrypto(local.crypto()).withRtcpPort(local.rtpPort() + 1);
        return new SessionDescription(local.originUser(), local.sessionId(), version, local.address(), "-",
                local.address(), null, List.of(audio));
    }

    /**
     * The direction of an offer that holds the call (RFC 3264 §8.4): sendonly, or inactive when the peer already
     * holds this side (it sends nothing, so this side may receive nothing either).
     */
    public static Direction holdDirection(boolean heldByPeer) {
        return heldByPeer ? Direction.INACTIVE : Direction.SENDONLY;
    }

    /**
     * The answer to {@code offer}: one m= line per offered one, in order, the first audio stream this side can take
     * accepted and every other refused. {@code wanted} is what this side wants (SENDRECV normally, SENDONLY while it
     * holds the call); the answer's direction is the intersection of that and the mirrored offer.
     */
    public static SessionDescription answer(SessionDescription offer, LocalMedia local, Direction wanted, long version) {
        List<MediaDescription> streams = new ArrayList<>();
        boolean accepted = false;
        for (MediaDescription m : offer.media()) {
            MediaDescription a = accepted ? null : accept(m, local, wanted);
            if (a == null) {
                streams.add(m.refusal());
            } else {
                accepted = true;
                streams.add(a);
            }
        }
        return new SessionDescription(local.originUser(), local.sessionId(), version, local.address(), "-",
                local.address(), null, streams);
    }

    /** {@link #answer} for a side that wants to send and receive. */
    public static SessionDescription answer(SessionDescription offer, LocalMedia local) {
        return answer(offer, local, Direction.SENDRECV, 1);
    }

    private static MediaDescription accept(MediaDescription m, LocalMedia local, Direction wanted) {
        if (!m.media().equals("audio") || m.refused() || !m.protocol().startsWith("RTP/")) {
            return null;
        }
        List<String> crypto;
        if (m.secure()) {
            String suite = local.cryptoAnswerer() != null ? local.cryptoAnswerer().answer(m.crypto())
                    : commonCrypto(m, local);
            if (suite == null) {
                return null;
            }
            crypto = List.of(suite);
        } else if (m.protocol().equals(MediaDescription.AVP) && local.plainRtpAllowed()) {
            crypto = List.of();
        } else {
            return null;
        }
        Codec voice = null;
        Codec events = null;
        for (Codec offered : m.codecs()) {
            Codec mine = local.codecs().stream().filter(offered::sameFormat).findFirst().orElse(null);
            if (mine == null) {
                continue;
            }
            // the answer uses the offerer's payload type number, with this side's fmtp
            Codec chosen = mine.withPayloadType(offered.payloadType());
            if (offered.isTelephoneEvent()) {
                events = events == null ? chosen : events;
            } else if (voice == null) {
                voice = chosen;
            }
        }
        if (voice == null) {
            return null;
        }
        List<Codec> codecs = events == null ? List.of(voice) : List.of(voice, events);
        Direction d = wanted.intersect(m.direction().mirror());
        return new MediaDescription("audio", local.rtpPort(), m.protocol(), codecs, d, null, local.rtpPort() + 1, crypto,
                List.of());
    }

    /** This side's crypto line with the tag and suite of the first offered line whose suite it has, or null. */
    private static String commonCrypto(MediaDescription m, LocalMedia local) {
        for (String offered : m.crypto()) {
            String[] o = offered.trim().split("\\s+");
            if (o.length < 3) {
                continue;
            }
            for (String mine : local.crypto()) {
                String[] l = mine.trim().split("\\s+", 3);
                if (l.length == 3 && l[1].equalsIgnoreCase(o[1])) {
                    return o[0] + " " + l[1] + " " + l[2];
                }
            }
        }
        return null;
    }

    /**
     * What an exchange means for one side: {@code mine} is the description this side sent (offer or answer),
     * {@code theirs} the peer's. Null when the audio stream was refused or has no common codec.
     */
    public static Negotiated negotiated(SessionDescription mine, SessionDescription theirs) {
        MediaDescription local = mine.audio();
        MediaDescription remote = theirs.audio();
        if (local == null || remote == null || local.refused() || remote.refused()) {
            return null;
        }
        Codec codec = null;
        for (Codec r : remote.codecs()) {
            if (!r.isTelephoneEvent() && local.codecs().stream().anyMatch(r::sameFormat)) {
                codec = r;
                break;
            }
        }
        if (codec == null) {
            return null;
        }
        Codec events = null;
        for (Codec r : remote.codecs()) {
            if (r.isTelephoneEvent() && local.codecs().stream().anyMatch(r::sameFormat)) {
                events = r;
                break;
            }
        }
        Direction d = local.direction().intersect(remote.direction().mirror());
        return new Negotiated(theirs.addressOf(remote), remote.port(), remote.rtcpPort() > 0 ? remote.rtcpPort()
                : remote.port() + 1, codec, events, d, remote.secure(),
                remote.crypto().isEmpty() ? null : remote.crypto().get(0));
    }
}
