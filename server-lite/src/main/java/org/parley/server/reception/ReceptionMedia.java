package org.parley.server.reception;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import org.parley.core.media.AudioSession;
import org.parley.core.media.AudioSink;
import org.parley.core.media.AudioSource;
import org.parley.core.media.MediaEngine;
import org.parley.core.media.MediaSettings;

/**
 * The reception line's headless media engine (libjitsi, no sound devices; the engine is shared with voicemail by
 * {@link MediaEngine}'s reference count), started on the first queued caller and stopped with the server. What a
 * caller sends is dropped.
 */
final class ReceptionMedia implements AutoCloseable {
    private static final AudioSink DISCARD = (mono, count) -> { };
    private final Path dataDir;
    private final InetAddress bind;
    private final String host;
    private MediaEngine engine;
    private boolean closed;

    ReceptionMedia(Path dataDir, InetAddress bind, String host) {
        this.dataDir = dataDir;
        this.bind = bind;
        this.host = host;
    }

    String host() {
        return host;
    }

    AudioSession open(AudioSource source, boolean srtp) throws IOException {
        return engine().openAudio(bind, 0, source, DISCARD, srtp);
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
