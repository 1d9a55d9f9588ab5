package org.parley.server.uas;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
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
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
