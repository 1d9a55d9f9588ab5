package org.parley.server.testsupport;

import java.nio.file.Path;
import org.parley.core.media.Goertzel;
import org.parley.core.media.Wav;

/** How long a tone is heard in a recording: the tests' check that audio went where it should. */
public final class ToneMeter {
    /** The share of a window's power a tone must carry to count as heard there when a single voice is expected. */
    public static final double DOMINANT = 0.25;

    private ToneMeter() {
    }

    /** Seconds of {@code wav} whose 100 ms windows are dominated by {@code hz} (over {@link #DOMINANT} of the power). */
    public static double secondsOf(Path wav, double hz) throws Exception {
        return secondsOf(wav, hz, DOMINANT);
    }

    /** Seconds of {@code wav} whose 100 ms windows carry {@code hz} as more than {@code share} of their power (Goertzel). */
    public static double secondsOf(Path wav, double hz, double share) throws Exception {
        Wav.Pcm pcm = Wav.read(wav);
        short[] s = pcm.samples();
        int win = pcm.sampleRate() / 10;
        int n = 0;
        for (int i = 0; i + win <= s.length; i += win) {
            double total = Goertzel.totalPower(s, i, i + win);
            if (total > 0 && Goertzel.power(s, i, i + win, pcm.sampleRate(), hz) / total > share) {
                n++;
            }
        }
        return n / 10.0;
    }
}
