package org.parley.core.media;

/** Linear-interpolation sample-rate conversion, good enough for tones and speech prompts. */
final class Resampler {
    private Resampler() {
    }

    static short[] linear(short[] in, int length, int fromRate, int toRate) {
        if (fromRate == toRate) {
            return java.util.Arrays.copyOf(in, length);
        }
        int outLength = (int) ((long) length * toRate / fromRate);
        short[] out = new short[outLength];
        double ratio = (double) fromRate / toRate;
        for (int i = 0; i < outLength; i++) {
            double x = i * ratio;
            int i0 = (int) x;
            int i1 = Math.min(i0 + 1, length - 1);
            double frac = x - i0;
            out[i] = (short) Math.round(in[i0] * (1 - frac) + in[i1] * frac);
        }
        return out;
    }
}
