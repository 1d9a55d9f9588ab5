package org.parley.core.media;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jitsi.service.libjitsi.LibJitsi;
import org.jitsi.service.neomedia.MediaService;
import org.jitsi.srtp.crypto.Aes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media engine: starts libjitsi (once per JVM, counted by engines and open sessions) and opens
 * {@link AudioSession}s. Close it when the application stops. In headless mode no audio system is touched, so it runs
 * on servers and in tests.
 */
public final class MediaEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MediaEngine.class);
    private static final Object LOCK = new Object();
    private static int users;
    /**
     * libjitsi and FMJ log through java.util.logging, at INFO for every stream start and stop (dozens of lines per
     * call, and the harmless SEVERE about PulseAudio when headless): only warnings pass. Held here because JUL keeps
     * its loggers weakly and would forget the level.
     */
    private static final List<java.util.logging.Logger> QUIETED = List.of(
            java.util.logging.Logger.getLogger("org.jitsi"), java.util.logging.Logger.getLogger("net.sf.fmj"));

    /** libjitsi's Opus encoder bit rate property, in kbit/s. */
    static final String OPUS_BITRATE_KBPS = "net.java.sip.communicator.impl.neomedia.codec.audio.opus.encoder.BITRATE";

    /**
     * jitsi-srtp chooses its AES implementation once per JVM, so one warm-up serves every engine: a JVM with many
     * clients (tests, the attendant bench's 50 callers) no longer runs one benchmark per client at the same time.
     */
    private static CompletableFuture<Void> srtpWarmUp;

    private final MediaSettings settings;
    private final MediaService mediaService;
    private final CompletableFuture<Void> srtpReady;
    private boolean closed;

    public MediaEngine(MediaSettings settings) throws IOException {
        this.settings = settings;
        Files.createDirectories(settings.dataDir());
        synchronized (LOCK) {
            if (users == 0) {
                configure(settings);
                QUIETED.forEach(logger -> logger.setLevel(java.util.logging.Level.WARNING));
                MediaThreadFaults.install();
                long t0 = System.nanoTime();
                LibJitsi.start();
                LOG.info("libjitsi started in {} ms (headless={})", (System.nanoTime() - t0) / 1_000_000,
                        settings.headless());
            }
            users++;
        }
        this.mediaService = LibJitsi.getMediaService();
        if (mediaService == null) {
            close();
            throw new IOException("libjitsi has no media service");
        }
        this.srtpReady = srtpWarmUp();
    }

    /** The one SRTP cipher warm-up of this JVM, started by the first engine (every engine's sessions wait for it). */
    private static CompletableFuture<Void> srtpWarmUp() {
        synchronized (LOCK) {
            if (srtpWarmUp == null) {
                srtpWarmUp = CompletableFuture.runAsync(MediaEngine::warmUpSrtp, runnable -> {
                    Thread t = new Thread(runnable, "parley-srtp-warmup");
                    t.setDaemon(true);
                    t.start();
                });
            }
            return srtpWarmUp;
        }
    }

    /**
     * jitsi-srtp picks its AES implementation (OpenSSL, SunJCE, BouncyCastle) by benchmarking them the first time a
     * cipher is asked for: about 1.5 s here, during which the first SRTP stream sends nothing. Do it once per JVM in
     * the background when the first engine starts instead; SRTP sessions wait for it.
     */
    private static void warmUpSrtp() {
        long t0 = System.nanoTime();
        try {
            Aes.createCipher("AES/CTR/NoPadding");
            Aes.createCipher("AES/ECB/NoPadding");
            LOG.debug("SRTP ciphers ready in {} ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("SRTP cipher warm-up failed (the first SRTP call may start late)", e);
        }
    }

    /** System properties libjitsi reads at start; set only where the launcher did not set them already. */
    private static void configure(MediaSettings settings) {
        String dir = settings.dataDir().toAbsolutePath().toString();
        setIfAbsent("net.java.sip.communicator.SC_HOME_DIR_LOCATION", dir);
        setIfAbsent("net.java.sip.communicator.SC_HOME_DIR_NAME", "libjitsi");
        setIfAbsent("jna.tmpdir", settings.dataDir().resolve("jna").toAbsolutePath().toString());
        // wideband voice at the product's promised ~28 kbit/s of Opus payload (libjitsi's default is 32)
        setIfAbsent(OPUS_BITRATE_KBPS, "28");
        if (settings.headless()) {
            // Without a sound server the bundled PortAudio kills the JVM inside LibJitsi.start().
            System.setProperty("org.jitsi.impl.neomedia.device.PortAudioSystem.disabled", "true");
            System.setProperty("org.jitsi.impl.neomedia.device.PulseAudioSystem.disabled", "true");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    public MediaSettings settings() {
        return settings;
    }

    /**
     * Binds a new audio session's RTP/RTCP sockets (RTCP on RTP+1; {@code rtpPort} 0 picks a free pair).
     *
     * @param source   what to send
     * @param recorder where received audio goes
     * @param srtp     true: SRTP keyed by SDES (RFC 4568); false: plain RTP
     */
    public AudioSession openAudio(InetAddress localAddress, int rtpPort, AudioSource source, PcmRecorder recorder,
            boolean srtp) throws IOException {
        return openAudio(localAddress, rtpPort, source, (AudioSink) recorder, srtp);
    }

    /** As {@link #openAudio(InetAddress, int, AudioSource, PcmRecorder, boolean)}, playing into any sink. */
    public AudioSession openAudio(InetAddress localAddress, int rtpPort, AudioSource source, AudioSink recorder,
            boolean srtp) throws IOException {
        checkOpen();
        synchronized (LOCK) {
            // an open session keeps libjitsi running even after its engine is closed: sessions are closed on their
            // own threads (libjitsi can block there), and stopping libjitsi under one breaks the next start
            users++;
        }
        try {
            AudioSession session = new AudioSession(mediaService, localAddress, rtpPort,
                    new HeadlessAudioDevice(source, recorder), srtp ? srtpReady : null);
            session.onClosed(MediaEngine::release);
            return session;
        } catch (IOException | RuntimeException e) {
            release();
            throw e;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("media engine closed");
        }
    }

    @Override
    public void close() {
        synchronized (LOCK) {
            if (closed) {
                return;
            }
            closed = true;
        }
        release();
    }

    /** One engine or session less; libjitsi stops with the last. */
    private static void release() {
        synchronized (LOCK) {
            if (--users == 0) {
                LibJitsi.stop();
            }
        }
    }
}
