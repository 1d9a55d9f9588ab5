package org.parley.core.media;

import ch.imvs.sdes4j.srtp.SrtpCryptoAttribute;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jitsi.service.neomedia.AudioMediaStream;
import org.jitsi.service.neomedia.DTMFMethod;
import org.jitsi.service.neomedia.DTMFTone;
import org.jitsi.service.neomedia.DefaultStreamConnector;
import org.jitsi.service.neomedia.MediaService;
import org.jitsi.service.neomedia.MediaStream;
import org.jitsi.service.neomedia.MediaStreamTarget;
import org.jitsi.service.neomedia.SDesControl;
import org.jitsi.service.neomedia.SrtpControlType;
import org.jitsi.service.neomedia.event.DTMFListener;
import org.jitsi.service.neomedia.event.DTMFToneEvent;
import org.jitsi.service.neomedia.event.SrtpListener;
import org.jitsi.service.neomedia.format.MediaFormat;
import org.jitsi.service.neomedia.stats.MediaStreamStats2;
import org.jitsi.service.neomedia.stats.ReceiveTrackStats;
import org.jitsi.service.neomedia.stats.SendTrackStats;
import org.jitsi.service.neomedia.stats.TrackStats;
import org.jitsi.utils.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RTP audio stream on a local UDP port pair. Life cycle: open (sockets bound, see {@link MediaEngine#openAudio}),
 * exchange SDES crypto lines if SRTP is on ({@link #offerCrypto()} / {@link #answerCrypto(List)} /
 * {@link #acceptCryptoAnswer(String)}), {@link #start}, change {@link #setDirection direction} at will (hold),
 * {@link #close}.
 */
public final class AudioSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AudioSession.class);
    private static final int PORT_TRIES = 20;

    private final MediaService mediaService;
    private final HeadlessAudioDevice device;
    private final DatagramSocket rtpSocket;
    private final DatagramSocket rtcpSocket;
    private final SDesControl sdes;
    private final CompletableFuture<Void> srtpReady;
    private boolean offered;
    private boolean keyed;
    private boolean plain;
    private boolean muted;
    private DtmfListener dtmfListener;
    private MediaStream stream;
    private MediaDirection direction = MediaDirection.SENDRECV;
    private boolean closed;

    AudioSession(MediaService mediaService, InetAddress localAddress, int rtpPort, HeadlessAudioDevice device,
            CompletableFuture<Void> srtpReady) throws IOException {
        this.mediaService = mediaService;
        this.srtpReady = srtpReady;
        this.device = device;
        DatagramSocket[] pair = bindPair(localAddress, rtpPort);
        this.rtpSocket = pair[0];
        this.rtcpSocket = pair[1];
        this.sdes = srtpReady != null ? (SDesControl) mediaService.createSrtpControl(SrtpControlType.SDES) : null;
        if (sdes != null) {
            sdes.setSrtpListener(new LoggingSrtpListener());
        }
    }

    private static DatagramSocket[] bindPair(InetAddress address, int rtpPort) throws IOException {
        SocketException last = null;
        for (int i = 0; i < (rtpPort == 0 ? PORT_TRIES : 1); i++) {
            DatagramSocket rtp = new DatagramSocket(new InetSocketAddress(address, rtpPort));
            try {
                return new DatagramSocket[] {rtp, new DatagramSocket(new InetSocketAddress(address, rtp.getLocalPort() + 1))};
            } catch (SocketException e) {
                rtp.close();
                last = e;
            }
        }
        throw new IOException("no free RTP/RTCP port pair on " + address, last);
    }

    public int localRtpPort() {
        return rtpSocket.getLocalPort();
    }

    public int localRtcpPort() {
        return rtcpSocket.getLocalPort();
    }

    public boolean srtp() {
        return sdes != null;
    }

    /** The offerer's a=crypto values (RFC 4568: "tag suite inline:key"), one per supported suite. */
    public synchronized List<String> offerCrypto() {
        requireSrtp();
        List<String> lines = new ArrayList<>();
        for (SrtpCryptoAttribute a : sdes.getInitiatorCryptoAttributes()) {
            lines.add(a.encode());
        }
        offered = true;
        return lines;
    }

    /**
     * The answerer picks one of the offered a=crypto values and returns its own for the answer.
     *
     * @throws IOException if no offered suite is supported
     */
    public synchronized String answerCrypto(List<String> offered) throws IOException {
        requireSrtp();
        SrtpCryptoAttribute chosen = sdes.responderSelectAttribute(parse(offered));
        if (chosen == null) {
            throw new IOException("no acceptable SRTP crypto suite in " + offered);
        }
        keyed = true;
        return chosen.encode();
    }

    /** The offerer takes the answer's a=crypto value. */
    public synchronized void acceptCryptoAnswer(String answered) throws IOException {
        requireSrtp();
        if (!offered) {
            throw new IllegalStateException("a crypto answer without an offer from this session");
        }
        if (sdes.initiatorSelectAttribute(parse(List.of(answered))) == null) {
            throw new IOException("the answer's SRTP crypto does not match the offer: " + answered);
        }
        keyed = true;
    }

    private static List<SrtpCryptoAttribute> parse(List<String> lines) throws IOException {
        List<SrtpCryptoAttribute> out = new ArrayList<>();
        for (String line : lines) {
            try {
                out.add(SrtpCryptoAttribute.create(line.trim()));
            } catch (RuntimeException e) {
                throw new IOException("bad a=crypto value: " + line, e);
            }
        }
        return out;
    }

    private void requireSrtp() {
        if (sdes == null) {
            throw new IllegalStateException("session opened without SRTP");
        }
    }

    /**
     * Starts sending to and receiving from the remote address (RTCP at {@code remoteRtcp}).
     *
     * @param payloadType the negotiated RTP payload type (dynamic for Opus)
     */
    public synchronized void start(InetSocketAddress remoteRtp, InetSocketAddress remoteRtcp, AudioCodec codec,
            int payloadType, MediaDirection direction) {
        start(remoteRtp, remoteRtcp, codec, payloadType, -1, direction);
    }

    /**
     * As {@link #start(InetSocketAddress, InetSocketAddress, AudioCodec, int, MediaDirection)}, with RFC 4733
     * telephone-events (DTMF) on payload type {@code eventPayloadType} (negative: none negotiated).
     */
    public synchronized void start(InetSocketAddress remoteRtp, InetSocketAddress remoteRtcp, AudioCodec codec,
            int payloadType, int eventPayloadType, MediaDirection direction) {
        Objects.requireNonNull(codec, "codec");
        if (closed || stream != null) {
            throw new IllegalStateException(closed ? "session closed" : "session already started");
        }
        boolean secure = sdes != null && !plain;
        if (secure && !keyed) {
            throw new IllegalStateException("SRTP session started before the SDES exchange");
        }
        if (secure) {
            awaitSrtpCiphers();
        }
        // The SRTP transform is built when the connector is attached, so keys must be agreed before this point.
        stream = mediaService.createMediaStream(new DefaultStreamConnector(rtpSocket, rtcpSocket), device,
                secure ? sdes : null);
        MediaFormat format = codec.channels() > 1
                ? mediaService.getFormatFactory().createMediaFormat(codec.encoding(), codec.clockRate(),
                        codec.channels())
                : mediaService.getFormatFactory().createMediaFormat(codec.encoding(), codec.clockRate());
        if (format == null) {
            throw new IllegalStateException("libjitsi has no " + codec + " format");
        }
        if (codec.dynamicPayloadType() || payloadType != codec.defaultPayloadType()) {
            stream.addDynamicRTPPayloadType((byte) payloadType, format);
        }
        if (eventPayloadType >= 0) {
            MediaFormat events = mediaService.getFormatFactory().createMediaFormat("telephone-event", 8000);
            if (events != null) {
                stream.addDynamicRTPPayloadType((byte) eventPayloadType, events);
            }
        }
        if (stream instanceof AudioMediaStream audio) {
            audio.addDTMFListener(new DtmfRelay());
        }
        stream.setMute(muted);
        stream.setFormat(format);
        stream.setName("parley-audio-" + localRtpPort());
        stream.setTarget(new MediaStreamTarget(remoteRtp, remoteRtcp));
        this.direction = direction;
        stream.setDirection(direction.toJitsi());
        if (secure) {
            sdes.start(MediaType.AUDIO);
        }
        stream.start();
        LOG.debug("audio {} :{} -> {} {} {}", codec, localRtpPort(), remoteRtp, direction, secure ? "SRTP" : "RTP");
    }

    private void awaitSrtpCiphers() {
        try {
            srtpReady.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("SRTP ciphers not ready; starting anyway", e);
        }
    }

    /** Changes what flows (hold: sendonly or inactive; resume: sendrecv) without restarting the stream. */
    public synchronized void setDirection(MediaDirection newDirection) {
        this.direction = Objects.requireNonNull(newDirection);
        if (stream != null) {
            stream.setDirection(newDirection.toJitsi());
        }
    }

    /**
     * The offer/answer settled on plain RTP although this session was opened for SRTP (a peer that policy allows to
     * talk without encryption): drop the SRTP control before {@link #start}.
     */
    public synchronized void usePlainRtp() {
        if (stream != null) {
            throw new IllegalStateException("session already started");
        }
        if (sdes != null && !plain) {
            plain = true;
            sdes.cleanup(null);
        }
    }

    /** Whether media flows encrypted (an SRTP session that was not switched to plain RTP). */
    public synchronized boolean encrypted() {
        return sdes != null && !plain;
    }

    /** Mutes the capture side: silence is sent instead of the source (the stream keeps running). */
    public synchronized void setMute(boolean mute) {
        this.muted = mute;
        if (stream != null) {
            stream.setMute(mute);
        }
    }

    public synchronized boolean muted() {
        return muted;
    }

    /**
     * Starts sending one DTMF digit (0-9, *, #, A-D) as RFC 4733 telephone-events; {@link #stopDtmf()} ends it (the
     * tone lasts at least {@code minMillis}).
     */
    public synchronized void startDtmf(char digit, int minMillis) {
        DTMFTone tone = DTMFTone.getDTMFTone(String.valueOf(Character.toUpperCase(digit)));
        if (tone == null) {
            throw new IllegalArgumentException("not a DTMF digit: " + digit);
        }
        if (!(stream instanceof AudioMediaStream audio)) {
            throw new IllegalStateException("audio not started");
        }
        audio.startSendingDTMF(tone, DTMFMethod.RTP_DTMF, minMillis, Math.max(minMillis, 2000), 10);
    }

    public synchronized void stopDtmf() {
        if (stream instanceof AudioMediaStream audio) {
            audio.stopSendingDTMF(DTMFMethod.RTP_DTMF);
        }
    }

    /** Told of each DTMF digit the peer sends (RFC 4733), on a media thread, once per tone at its start. */
    public interface DtmfListener {
        void onDigit(char digit);
    }

    public synchronized void setDtmfListener(DtmfListener listener) {
        this.dtmfListener = listener;
    }

    private final class DtmfRelay implements DTMFListener {
        @Override
        public void dtmfToneReceptionStarted(DTMFToneEvent event) {
            DtmfListener l;
            synchronized (AudioSession.this) {
                l = dtmfListener;
            }
            if (l != null && event.getDtmfTone() != null && !event.getDtmfTone().getValue().isEmpty()) {
                l.onDigit(event.getDtmfTone().getValue().charAt(0));
            }
        }

        @Override
        public void dtmfToneReceptionEnded(DTMFToneEvent event) {
            // one report per tone, at its start
        }
    }

    public synchronized MediaDirection direction() {
        return direction;
    }

    public synchronized AudioStats stats() {
        if (stream == null) {
            return new AudioStats(0, 0, 0, 0, 0, Double.NaN, -1);
        }
        MediaStreamStats2 stats = stream.getMediaStreamStats();
        SendTrackStats send = stats.getSendStats();
        ReceiveTrackStats receive = stats.getReceiveStats();
        double jitter = receive.getJitter();
        return new AudioStats(send.getPackets(), receive.getPackets(), receive.getPacketsLost(), send.getBytes(),
                receive.getBytes(), jitter == TrackStats.JITTER_UNSET ? Double.NaN : jitter, send.getRtt());
    }

    private Runnable onClosed;

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (stream != null) {
                try {
                    stream.stop();
                } finally {
                    stream.close();
                }
            } else if (sdes != null && !plain) {
                sdes.cleanup(null);
            }
        } catch (RuntimeException | javax.media.MediaError e) {
            // FMJ throws ClockStartedError when a stream is closed while its processor is still starting; the
            // session is going away either way, so only the sockets matter now
            LOG.debug("audio session :{} did not stop cleanly: {}", localRtpPort(), e.toString());
        } finally {
            rtpSocket.close();
            rtcpSocket.close();
            Runnable r = onClosed;
            if (r != null) {
                r.run();
            }
        }
    }

    /** Run once when the session is closed (the engine's reference count). */
    synchronized void onClosed(Runnable r) {
        this.onClosed = r;
    }

    private static final class LoggingSrtpListener implements SrtpListener {
        @Override
        public void securityTurnedOn(MediaType mediaType, String cipher, org.jitsi.service.neomedia.SrtpControl c) {
            LOG.debug("SRTP on for {}: {}", mediaType, cipher);
        }

        @Override
        public void securityTurnedOff(MediaType mediaType) {
            LOG.debug("SRTP off for {}", mediaType);
        }

        @Override
        public void securityMessageReceived(String message, String i18n, int severity) {
            LOG.debug("SRTP: {} ({})", message, severity);
        }

        @Override
        public void securityTimeout(MediaType mediaType) {
            LOG.debug("SRTP timeout for {}", mediaType);
        }

        @Override
        public void securityNegotiationStarted(MediaType mediaType, org.jitsi.service.neomedia.SrtpControl c) {
            LOG.debug("SRTP negotiation for {}", mediaType);
        }
    }

    @Override
    public String toString() {
        return "AudioSession[:" + localRtpPort() + ", " + direction + (srtp() ? ", SRTP" : "") + "]";
    }
}
