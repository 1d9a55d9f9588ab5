package org.parley.core.media;

/** Goertzel figures of a recording, in 20 ms blocks at 48 kHz. */
record ToneAnalysis(double seconds, double toneSeconds, double ratioToOther, double shareOfEnergy) {
    private static final int BLOCK = PcmRecorder.SAMPLE_RATE / 50;

    /**
     * @param tone      the frequency expected
     * @param other     the frequency that must not be there
     * @param amplitude the expected tone's amplitude (0..1): a block counts as tone when its power at {@code tone}
     *                  is at least a quarter of what a clean sine of that amplitude gives
     */
    static ToneAnalysis of(short[] pcm, double tone, double other, double amplitude) {
        double full = amplitude * Short.MAX_VALUE;
        double threshold = 0.25 * full * full / 4;
        int toneBlocks = 0;
        double sumTone = 0;
        double sumOther = 0;
        double sumTotal = 0;
        // Per-block powers: a 20 ms block is short enough that small clock drifts and jitter-buffer phase jumps
        // do not smear the tone out of its bin, as one Goertzel over seconds of received audio would.
        for (int from = 0; from + BLOCK <= pcm.length; from += BLOCK) {
            double p = Goertzel.power(pcm, from, from + BLOCK, PcmRecorder.SAMPLE_RATE, tone);
            if (p >= threshold) {
                toneBlocks++;
            }
            sumTone += p;
            sumOther += Goertzel.power(pcm, from, from + BLOCK, PcmRecorder.SAMPLE_RATE, other);
            sumTotal += Goertzel.totalPower(pcm, from, from + BLOCK);
        }
        return new ToneAnalysis(pcm.length / (double) PcmRecorder.SAMPLE_RATE, toneBlocks / 50.0,
                sumOther == 0 ? Double.POSITIVE_INFINITY : sumTone / sumOther,
                sumTotal == 0 ? 0 : sumTone / sumTotal);
    }

    @Override
    public String toString() {
        return String.format("%.2f s recorded, %.2f s of tone, tone/other %.0f, tone share %.2f", seconds,
                toneSeconds, ratioToOther, shareOfEnergy);
    }
}
