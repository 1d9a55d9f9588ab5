package org.parley.core.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Collects the decoded audio a session receives, as 16-bit mono PCM at {@link AudioSource#SAMPLE_RATE}, in memory;
 * {@link #writeWav(Path)} saves it. Only audio that arrives is recorded (no silence is inserted while nothing does).
 */
public final class PcmRecorder implements AudioSink {
    public static final int SAMPLE_RATE = AudioSource.SAMPLE_RATE;

    private final int maxSamples;
    private short[] samples = new short[SAMPLE_RATE];
    private int length;

    /** @param maxSeconds recording stops growing after this many seconds (bounds memory) */
    public PcmRecorder(int maxSeconds) {
        this.maxSamples = Math.max(1, maxSeconds) * SAMPLE_RATE;
    }

    @Override
    public synchronized void append(short[] mono, int count) {
        int n = Math.min(count, maxSamples - length);
        if (n <= 0) {
            return;
        }
        if (length + n > samples.length) {
            samples = Arrays.copyOf(samples, Math.min(maxSamples, Math.max(samples.length * 2, length + n)));
        }
        System.arraycopy(mono, 0, samples, length, n);
        length += n;
    }

    /** Samples recorded so far (a position to cut segments at). */
    public synchronized int length() {
        return length;
    }

    public synchronized double seconds() {
        return length / (double) SAMPLE_RATE;
    }

    /** A copy of everything recorded. */
    public synchronized short[] samples() {
        return Arrays.copyOf(samples, length);
    }

    /** A copy of the samples in {@code [from, to)}. */
    public synchronized short[] samples(int from, int to) {
        return Arrays.copyOfRange(samples, from, Math.min(to, length));
    }

    public synchronized void writeWav(Path file) throws IOException {
        Wav.write(file, samples, length, SAMPLE_RATE);
    }
}
