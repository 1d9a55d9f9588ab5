package org.parley.core.client.sip;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.parley.core.client.AudioDevices;
import org.parley.core.media.AudioSession;
import org.parley.core.media.AudioSink;
import org.parley.core.media.AudioSource;
import org.parley.core.media.MediaEngine;
import org.parley.core.media.MediaSettings;
import org.parley.core.media.PcmRecorder;
import org.parley.core.media.SoundDevices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's audio: a headless libjitsi {@link MediaEngine} started on first need (in the background, so the
 * engine thread does not wait for it), the chosen {@link AudioDevices}, and the SRTP policy. Opens an
 * {@link AudioMediaPort} per call.
 */
final class ClientMedia implements MediaPort.Factory, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClientMedia.class);
    /** A file playback device keeps at most this much of a call in memory before writing it. */
    private static final int MAX_RECORD_SECONDS = 600;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(3);

    private final Path dataDir;
    private final Engine engine;
    private final boolean plainRtpAllowed;
    private CompletableFuture<MediaEngine> media;
    private volatile AudioDevices devices = AudioDevices.HEADLESS;
    /** Closes ended calls' audio sessions, off the engine thread (see {@link AudioMediaPort#stop()}). */
    private final ExecutorService closer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parley-media-stop");
        t.setDaemon(true);
        return t;
    });
    private boolean closed;

    /**
     * @param plainRtpAllowed whether plain RTP offers are accepted (SRTP is always offered)
     */
    ClientMedia(Path dataDir, Engine engine, boolean plainRtpAllowed) {
        this.dataDir = dataDir;
        this.engine = engine;
        this.plainRtpAllowed = plainRtpAllowed;
    }

    /** Starts the media engine in the background if it is not started yet. */
    synchronized CompletableFuture<MediaEngine> warmUp() {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("client closed"));
        }
        if (media == null) {
            media = new CompletableFuture<>();
            CompletableFuture<MediaEngine> target = media;
            Thread t = new Thread(() -> {
                try {
                    target.complete(new MediaEngine(MediaSettings.headless(dataDir.resolve("media"))));
                } catch (IOException | RuntimeException | LinkageError e) {
                    LOG.warn("the audio engine did not start: {}", e.toString());
                    target.completeExceptionally(e);
                }
            }, "parley-media-start");
            t.setDaemon(true);
            t.start();
        }
        return media;
    }

    @Override
    public CompletableFuture<?> ready() {
        return warmUp().handle((m, e) -> null);
    }

    AudioDevices devices() {
        return devices;
    }

    /** Checks that the devices exist (IllegalArgumentException saying which does not), then uses them. */
    void use(AudioDevices chosen) {
        source(chosen.capture());
        for (String out : List.of(chosen.playback(), chosen.ringer())) {
            if (!out.equals("none") && !out.startsWith("file:") && !SoundDevices.speakers().contains(out)) {
                throw new IllegalArgumentException("no playback device " + out + " on this machine");
            }
        }
        devices = chosen;
    }

    /** Generated and file devices everywhere, plus the machine's sound cards (Java Sound). */
    AudioDevices.Available available() {
        List<String> capture = new java.util.ArrayList<>(List.of("silence", "tone:440"));
        capture.addAll(SoundDevices.microphones());
        List<String> playback = new java.util.ArrayList<>(List.of("none"));
        playback.addAll(SoundDevices.speakers());
        return new AudioDevices.Available(capture, playback);
    }

    @Override
    public MediaPort open(String localAddress) {
        MediaEngine engineNow;
        try {
            engineNow = warmUp().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the audio engine started", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the audio engine is not available: "
                    + (e.getCause() == null ? e : e.getCause()).toString(), e);
        }
        AudioDevices d = devices;
        Path recordTo = d.playback().startsWith("file:") ? Path.of(d.playback().substring(5)) : null;
        PcmRecorder recorder = recordTo == null ? null : new PcmRecorder(MAX_RECORD_SECONDS);
        AudioSink sink = recorder != null ? recorder : d.playback().equals("none") ? (mono, count) -> { }
                : SoundDevices.speaker(d.playback());
        try {
            AudioSession session = engineNow.openAudio(InetAddress.getByName(localAddress), 0, source(d.capture()),
                    sink, true);
            return new AudioMediaPort(session, plainRtpAllowed, recorder, recordTo, engine, closer);
        } catch (IOException e) {
            throw new IllegalStateException("no audio port on " + localAddress + ": " + e.getMessage(), e);
        }
    }

    /** The capture device of an id: silence, tone:HZ, file:PATH, or a microphone's name. */
    static AudioSource source(String capture) {
        if (capture.equals("silence")) {
            return AudioSource.silence();
        }
        if (capture.startsWith("tone:")) {
            try {
                return AudioSource.tone(Double.parseDouble(capture.substring(5)), 0.5);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a tone device needs a frequency in Hz below 24000: " + capture, e);
            }
        }
        if (capture.startsWith("file:")) {
            try {
                return AudioSource.wav(Path.of(capture.substring(5)), false);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot play " + capture.substring(5) + ": " + e.getMessage(), e);
            }
        }
        return SoundDevices.microphone(capture);
    }

    @Override
    public synchronized void close() {
        closed = true;
        closer.shutdown();
        try {
            if (!closer.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.debug("audio sessions still closing after {} ms; the media engine stops anyway", CLOSE_WAIT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (media != null) {
            media.thenAccept(MediaEngine::close);
        }
    }
}
