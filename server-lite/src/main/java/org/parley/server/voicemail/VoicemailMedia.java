package org.parley.server.voicemail;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import org.parley.core.media.AudioSession;
import org.parley.core.media.AudioSource;
import org.parley.core.media.MediaEngine;
import org.parley.core.media.MediaSettings;
import org.parley.core.media.PcmRecorder;

/**
 * The server's headless media engine (libjitsi, no sound devices), started on the first call and stopped with the
 * server; RTP ports are bound on {@code bind} and announced in SDP as {@code host}.
 */
public final class VoicemailMedia implements AutoCloseable {
    private final Path dataDir;
    private final InetAddress bind;
    private final String host;
    private MediaEngine engine;
    private boolean closed;

    public VoicemailMedia(Path dataDir, InetAddress bind, String host) {
        this.dataDir = dataDir;
        this.bind = bind;
        this.host = host;
    }

    String host() {
        return host;
    }

    AudioSession open(AudioSource source, PcmRecorder recorder, boolean srtp) throws IOException {
        return engine().openAudio(bind, 0, source, recorder, srtp);
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
