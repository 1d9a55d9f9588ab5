package org.parley.client.alerts;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A short two-note chime generated on the fly (no sound files), played on a background thread. Without a sound
 * device it stays silent and says so in the log once.
 */
final class AlertSound implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertSound.class);
    private static final float RATE = 44_100f;

    private final ExecutorService player = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parley-alert-sound");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean warned = new AtomicBoolean();

    void play() {
        player.execute(() -> {
            AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
            try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
                line.open(format);
                line.start();
                byte[] pcm = chime();
                line.write(pcm, 0, pcm.length);
                line.drain();
            } catch (Exception | LinkageError e) {
                if (warned.compareAndSet(false, true)) {
                    LOG.info("alert sounds are off: no usable sound device ({})", e.toString());
                }
            }
        });
    }

    /** Two soft sine notes (E6 then A5), 90 ms each, with short fades so nothing clicks. */
    static byte[] chime() {
        double[] notes = {1318.5, 880.0};
        int per = (int) (RATE * 0.09);
        byte[] out = new byte[notes.length * per * 2];
        int fade = (int) (RATE * 0.01);
        for (int n = 0; n < notes.length; n++) {
            for (int i = 0; i < per; i++) {
                double env = Math.min(1, Math.min(i, per - i) / (double) fade);
                short v = (short) (Math.sin(2 * Math.PI * notes[n] * i / RATE) * env * 0.25 * Short.MAX_VALUE);
                int k = (n * per + i) * 2;
                out[k] = (byte) v;
                out[k + 1] = (byte) (v >> 8);
            }
        }
        return out;
    }

    @Override
    public void close() {
        player.shutdownNow();
    }
}
