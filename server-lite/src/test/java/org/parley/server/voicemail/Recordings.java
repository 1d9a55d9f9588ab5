package org.parley.server.voicemail;

import org.parley.core.media.Goertzel;
import org.parley.core.media.Wav;

/** What a recording holds: per-frequency share of the power, and seconds in which a tone dominates. */
final class Recordings {
    private Recordings() {
    }

    /** The share (0..1) of the recording's power at {@code hz} (Goertzel over 20 ms blocks, summed). */
    static double share(Wav.Pcm pcm, double hz) {
        return share(pcm.samples(), 0, pcm.samples().length, pcm.sampleRate(), hz);
    }

    static double share(short[] s, int from, int to, int rate, double hz) {
        int block = rate / 50;
        double tone = 0;
        double all = 0;
        for (int i = from; i + block <= to; i += block) {
            tone += 2 * Goertzel.power(s, i, i + block, rate, hz);
            all += Goertzel.totalPower(s, i, i + block);
        }
        return all == 0 ? 0 : tone / all;
    }

    /** Seconds of 20 ms blocks where {@code hz} carries more than half of the block's power. */
    static double secondsOf(short[] s, int rate, double hz) {
        int block = rate / 50;
        int n = 0;
        for (int i = 0; i + block <= s.length; i += block) {
            double all = Goertzel.totalPower(s, i, i + block);
            if (all > 1e4 && 2 * Goertzel.power(s, i, i + block, rate, hz) > 0.5 * all) {
                n++;
            }
        }
        return n * block / (double) rate;
    }
}
