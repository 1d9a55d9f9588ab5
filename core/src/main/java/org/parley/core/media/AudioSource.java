package org.parley.core.media;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What a session sends when no sound card is used: silence, a sine tone or a WAV file. A source fills 16-bit mono
 * frames at {@link #SAMPLE_RATE}; each session gets its own {@link #open() reader}.
 */
public interface AudioSource {
    int SAMPLE_RATE = 48000;

    /** A new reader positioned at the start. */
    Reader open();

    /** Produces consecutive samples; called from the capture thread only. */
    interface Reader {
        /** Fills {@code frame} entirely (silence after the end of a non-looping file). */
        void read(short[] frame);
    }

    static AudioSource silence() {
        return () -> frame -> java.util.Arrays.fill(frame, (short) 0);
    }

    /** A sine tone; amplitude 0..1 of full scale. */
    static AudioSource tone(double frequency, double amplitude) {
        if (frequency <= 0 || frequency >= SAMPLE_RATE / 2.0 || amplitude < 0 || amplitude > 1) {
            throw new IllegalArgumentException("tone " + frequency + " Hz, amplitude " + amplitude);
        }
        return () -> new Reader() {
            private long n;

            @Override
            public void read(short[] frame) {
                double step = 2 * Math.PI * frequency / SAMPLE_RATE;
                for (int i = 0; i < frame.length; i++) {
                    frame[i] = (short) Math.round(Math.sin(step * n++) * amplitude * Short.MAX_VALUE);
                }
            }
        };
    }

    /** A 16-bit PCM WAV file (any rate, mono or stereo, resampled to 48 kHz mono), played once or looped. */
    static AudioSource wav(Path file, boolean loop) throws IOException {
        Wav.Pcm pcm = Wav.read(file);
        short[] samples = Resampler.linear(pcm.samples(), pcm.samples().length, pcm.sampleRate(), SAMPLE_RATE);
        return () -> new Reader() {
            private int pos;

            @Override
            public void read(short[] frame) {
                for (int i = 0; i < frame.length; i++) {
                    if (pos >= samples.length && loop && samples.length > 0) {
                        pos = 0;
                    }
                    frame[i] = pos < samples.length ? samples[pos++] : 0;
                }
            }
        };
    }
}
