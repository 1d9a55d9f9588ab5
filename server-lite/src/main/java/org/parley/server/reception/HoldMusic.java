package org.parley.server.reception;

import java.io.IOException;
import java.nio.file.Path;
import org.parley.core.media.AudioSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a queued caller hears: the {@code music} WAV file looped, or (no file set, or it cannot be read) a generated
 * hold tone of {@value #TONE_HZ} Hz, 1 s on and 0.25 s off.
 */
final class HoldMusic {
    private static final Logger LOG = LoggerFactory.getLogger(HoldMusic.class);
    static final double TONE_HZ = 425;
    private static final int RATE = AudioSource.SAMPLE_RATE;
    private static final int ON = RATE;
    private static final int PERIOD = RATE + RATE / 4;

    private HoldMusic() {
    }

    static AudioSource of(String music) {
        if (music != null && !music.isBlank()) {
            try {
                return AudioSource.wav(Path.of(music), true);
            } catch (IOException | RuntimeException e) {
                LOG.warn("reception music {} unreadable ({}); playing the hold tone", music, e.getMessage());
            }
        }
        return tone();
    }

    static AudioSource tone() {
        return () -> new AudioSource.Reader() {
            private long n;

            @Override
            public void read(short[] frame) {
                for (int i = 0; i < frame.length; i++, n++) {
                    int inPeriod = (int) (n % PERIOD);
                    double gain = inPeriod < ON ? Math.min(1.0, Math.min(inPeriod, ON - inPeriod) / (RATE / 200.0)) : 0;
                    frame[i] = (short) Math.round(Math.sin(2 * Math.PI * TONE_HZ * n / RATE) * 0.4 * gain * Short.MAX_VALUE);
                }
            }
        };
    }
}
