package org.parley.attendant.console;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The long-hold alert sound: a generated 880 Hz beep of 200 ms, played on a short-lived thread. */
public final class Beep implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Beep.class);
    private static final float RATE = 8000f;

    /** 16-bit mono PCM samples of the beep, with 10 ms fades so it does not click. */
    static byte[] samples(int hz, int millis) {
        int n = (int) (RATE * millis / 1000);
        int fade = (int) (RATE / 100);
        byte[] out = new byte[n * 2];
        for (int i = 0; i < n; i++) {
            double gain = Math.min(1.0, Math.min(i, n - 1 - i) / (double) fade) * 0.4;
            short v = (short) (Math.sin(2 * Math.PI * hz * i / RATE) * Short.MAX_VALUE * gain);
            out[2 * i] = (byte) v;
            out[2 * i + 1] = (byte) (v >> 8);
        }
        return out;
    }

    @Override
    public void run() {
        Thread t = new Thread(() -> {
            AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
            try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
                byte[] data = samples(880, 200);
                line.open(format);
                line.start();
                line.write(data, 0, data.length);
                line.drain();
            } catch (Exception | LinkageError e) {
                LOG.debug("no sound for the long-hold alert: {}", e.toString());
            }
        }, "attendant-beep");
        t.setDaemon(true);
        t.start();
    }
}
