package org.parley.core.media;

/** The Goertzel algorithm: the power of one frequency in a block of PCM samples (to verify tones in recordings). */
public final class Goertzel {
    private Goertzel() {
    }

    /**
     * The power of {@code frequency} in {@code samples[from, to)}, normalised by the block length so blocks of
     * different lengths compare.
     */
    public static double power(short[] samples, int from, int to, int sampleRate, double frequency) {
        int n = to - from;
        if (n <= 0) {
            return 0;
        }
        double coeff = 2 * Math.cos(2 * Math.PI * frequency / sampleRate);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < to; i++) {
            double s0 = samples[i] + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        return power / ((double) n * n);
    }

    public static double power(short[] samples, int sampleRate, double frequency) {
        return power(samples, 0, samples.length, sampleRate, frequency);
    }

    /** The mean power of all frequencies in the block (sample energy / n), the reference for a tone's power. */
    public static double totalPower(short[] samples, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return 0;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return sum / n;
    }
}
