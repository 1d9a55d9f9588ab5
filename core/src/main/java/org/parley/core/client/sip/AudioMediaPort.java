package org.parley.core.client.sip;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.parley.core.client.CallQuality;
import org.parley.core.media.AudioCodec;
import org.parley.core.media.AudioSession;
import org.parley.core.media.AudioStats;
import org.parley.core.media.MediaDirection;
import org.parley.core.media.PcmRecorder;
import org.parley.core.sdp.Codec;
import org.parley.core.sdp.Negotiated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call's audio on a libjitsi {@link AudioSession}: offers Opus, PCMU, PCMA and telephone-event over SRTP (SDES
 * keys made by the session), takes plain RTP only where policy allows, starts once the offer/answer is done and
 * afterwards only changes direction (hold, resume). What arrives is recorded when the playback device is a file, and
 * written there when the call ends.
 */
final class AudioMediaPort implements MediaPort {
    private static final Logger LOG = LoggerFactory.getLogger(AudioMediaPort.class);
    static final List<Codec> CODECS = List.of(
            new Codec(111, "opus", 48000, 2, "minptime=10;useinbandfec=1"),
            Codec.of(0, "PCMU", 8000), Codec.of(8, "PCMA", 8000),
            Codec.of(101, "telephone-event", 8000).withFmtp("0-16"));
    private static final int DTMF_MILLIS = 120;
    private static final int DTMF_GAP_MILLIS = 80;

    private final AudioSession session;
    private final boolean plainRtpAllowed;
    private final PcmRecorder recorder;
    private final Path recordTo;
    private final Engine engine;
    /** Where the session is closed: libjitsi may wait there for a stream that is still starting. */
    private final Executor closer;
    private List<String> offered;
    private String answered;
    private Negotiated current;
    private boolean started;
    private boolean stopped;
    private boolean muted;
    private boolean held;
    private AudioStats lastStats;
    private long lastStatsNanos;
    private double sendKbps;
    private double receiveKbps;

    AudioMediaPort(AudioSession session, boolean plainRtpAllowed, PcmRecorder recorder, Path recordTo, Engine engine,
                   Executor closer) {
        this.session = session;
        this.plainRtpAllowed = plainRtpAllowed;
        this.recorder = recorder;
        this.recordTo = recordTo;
        this.engine = engine;
        this.closer = closer;
    }

    @Override
    public int rtpPort() {
        return session.localRtpPort();
    }

    @Override
    public List<Codec> codecs() {
        return CODECS;
    }

    @Override
    public synchronized List<String> crypto() {
        if (!session.srtp()) {
            return List.of();
        }
        if (offered == null) {
            offered = session.offerCrypto();
        }
        return offered;
    }

    @Override
    public synchronized String answerCrypto(List<String> offeredLines) {
        if (!session.srtp()) {
            return null;
        }
        if (answered != null) {
            // a re-offer in the same call: the running stream keeps its keys
            return answered;
        }
        try {
            answered = session.answerCrypto(offeredLines);
            return answered;
        } catch (IOException | RuntimeException e) {
            LOG.debug("no acceptable SRTP suite in {}: {}", offeredLines, e.toString());
            return null;
        }
    }

    @Override
    public boolean plainRtpAllowed() {
        return plainRtpAllowed;
    }

    @Override
    public synchronized void start(Negotiated n) {
        if (stopped) {
            return;
        }
        MediaDirection direction = direction(n.direction());
        if (started) {
            if (!current.remoteAddress().equals(n.remoteAddress()) || current.remotePort() != n.remotePort()) {
                LOG.warn("the peer moved its audio to {}:{}; this session keeps sending to {}:{}", n.remoteAddress(),
                        n.remotePort(), current.remoteAddress(), current.remotePort());
            }
            current = n;
            session.setDirection(direction);
            return;
        }
        if (n.srtp()) {
            if (answered == null) {
                try {
                    session.acceptCryptoAnswer(n.remoteCrypto());
                } catch (IOException | RuntimeException e) {
                    throw new IllegalStateException("the peer's SRTP answer does not match the offer: " + e.getMessage(), e);
                }
            }
        } else {
            if (!plainRtpAllowed && session.srtp()) {
                throw new IllegalStateException("plain RTP is not allowed by policy");
            }
            session.usePlainRtp();
        }
        AudioCodec codec = codec(n.codec());
        InetSocketAddress rtp = new InetSocketAddress(n.remoteAddress(), n.remotePort());
        InetSocketAddress rtcp = new InetSocketAddress(n.remoteAddress(), n.remoteRtcpPort());
        session.start(rtp, rtcp, codec, n.codec().payloadType(), n.events() == null ? -1 : n.events().payloadType(),
                direction);
        current = n;
        started = true;
    }

    static AudioCodec codec(Codec c) {
        return switch (c.name().toLowerCase(Locale.ROOT)) {
            case "opus" -> AudioCodec.OPUS;
            case "pcmu" -> AudioCodec.PCMU;
            case "pcma" -> AudioCodec.PCMA;
            default -> throw new IllegalStateException("no encoder for " + c.rtpmap());
        };
    }

    static MediaDirection direction(org.parley.core.sdp.Direction d) {
        return switch (d) {
            case SENDRECV -> MediaDirection.SENDRECV;
            case SENDONLY -> MediaDirection.SENDONLY;
            case RECVONLY -> MediaDirection.RECVONLY;
            case INACTIVE -> MediaDirection.INACTIVE;
        };
    }

    @Override
    public synchronized void setMute(boolean on) {
        muted = on;
        session.setMute(muted || held);
    }

    @Override
    public synchronized void setHeld(boolean on) {
        held = on;
        session.setMute(muted || held);
    }

    @Override
    public synchronized void sendDtmf(String digits) {
        if (!started || current.events() == null) {
            throw new IllegalStateException(started ? "the peer takes no telephone-events (RFC 4733)" : "no audio yet");
        }
        for (char d : digits.toCharArray()) {
            if ("0123456789*#ABCDabcd".indexOf(d) < 0) {
                throw new IllegalArgumentException("not a DTMF digit: " + d);
            }
        }
        playDigit(digits, 0);
    }

    private void playDigit(String digits, int index) {
        if (index >= digits.length()) {
            return;
        }
        synchronized (this) {
            if (stopped) {
                return;
            }
            session.startDtmf(digits.charAt(index), DTMF_MILLIS);
        }
        engine.schedule(() -> {
            synchronized (this) {
                if (!stopped) {
                    session.stopDtmf();
                }
            }
            engine.schedule(() -> playDigit(digits, index + 1), Duration.ofMillis(DTMF_GAP_MILLIS));
        }, Duration.ofMillis(DTMF_MILLIS));
    }

    @Override
    public synchronized CallQuality quality() {
        if (!started) {
            return null;
        }
        AudioStats s = session.stats();
        long now = System.nanoTime();
        if (lastStats != null && now - lastStatsNanos >= 500_000_000L) {
            double seconds = (now - lastStatsNanos) / 1e9;
            sendKbps = (s.bytesSent() - lastStats.bytesSent()) * 8 / 1000.0 / seconds;
            receiveKbps = (s.bytesReceived() - lastStats.bytesReceived()) * 8 / 1000.0 / seconds;
        }
        if (lastStats == null || now - lastStatsNanos >= 500_000_000L) {
            lastStats = s;
            lastStatsNanos = now;
        }
        long expected = s.packetsReceived() + s.packetsLost();
        double loss = expected <= 0 ? 0 : 100.0 * s.packetsLost() / expected;
        return new CallQuality(current.codec().name() + "/" + current.codec().clockRate(),
                Double.isNaN(s.jitterMs()) ? 0 : s.jitterMs(), loss, s.rttMs(), sendKbps, receiveKbps,
                s.packetsSent(), s.packetsReceived(), session.encrypted());
    }

    @Override
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        // what arrived is written now (the call is over for the user); closing the libjitsi stream can block for
        // as long as its player is still being realized (FMJ BasicController.deallocate waits for that), so it
        // never runs on the caller's thread, which is the SIP engine's
        if (recordTo != null && recorder != null) {
            try {
                recorder.writeWav(recordTo);
            } catch (IOException e) {
                LOG.warn("could not write the received audio to {}: {}", recordTo, e.toString());
            }
        }
        closer.execute(session::close);
    }
}
