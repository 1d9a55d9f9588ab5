package org.parley.server.uas;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.parley.core.media.AudioSession;
import org.parley.core.media.AudioSink;
import org.parley.core.media.AudioSource;
import org.parley.core.media.MediaEngine;
import org.parley.core.media.MediaSettings;

/**
 * A server-side headless media engine (libjitsi, no sound devices; shared between holders by {@link MediaEngine}'s
 * reference count), started on the first session and stopped with its owner. RTP ports are bound on {@code bind}
 * and announced in SDP as {@code host}.
 */
public final class MediaHost implements AutoCloseable {
    private final Path dataDir;
    private final InetAddress bind;
    private final String host;
    /** Closes ended sessions off the SIP threads: libjitsi can wait there for a stream that is still starting. */
    private final ExecutorService closer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parley-media-stop");
        t.setDaemon(true);
        return t;
    });
    private MediaEngine engine;
    private boolean closed;

    public MediaHost(Path dataDir, InetAddress bind, String host) {
        this.dataDir = dataDir;
        this.bind = bind;
        this.host = host;
    }

    /** The address put in SDP. */
    public String host() {
        return host;
    }

    /** A new session on a free port pair: sends {@code source}, plays what arrives into {@code sink}. */
    public AudioSession open(AudioSource source, AudioSink sink, boolean srtp) throws IOException {
        return engine().openAudio(bind, 0, source, sink, srtp);
    }

    /**
     * Closes {@code session} on the host's own thread, never the caller's: FMJ's deallocate waits for a player that is
     * still being realized, which would hold a SIP thread (and the answer to a BYE) for as long.
     */
    public void release(AudioSession session) {
        try {
            closer.execute(session::close);
        } catch (RejectedExecutionException stopping) {
            session.close();
        }
    }

    private synchronized MediaEngine engine() throws IOException {
        if (closed) {
            throw new IOException("the server is stopping");
        }
        if (engine == null) {
            engine = new MediaEngine(MediaSettings.headless(dataDir.resolve("media")));
        }
        return engine;
    }

    @Override
    public synchronized void close() {
        closed = true;
        closer.shutdown();
        try {
            closer.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
