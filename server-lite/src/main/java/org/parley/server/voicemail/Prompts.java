package org.parley.server.voicemail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parley.core.media.AudioSource;
import org.parley.core.media.Wav;

/**
 * What voicemail plays, as 48 kHz mono PCM. The server has no speech synthesis, so the default greeting is a
 * generated prompt: three rising tones (523, 659, 784 Hz, 250 ms each). The beep before recording is 1000 Hz for
 * 300 ms; "you have N new messages" is N pips of 440 Hz (150 ms, at most 20), or one low 330 Hz tone for none.
 */
final class Prompts {
    static final int RATE = AudioSource.SAMPLE_RATE;
    static final double BEEP_HZ = 1000;
    static final double PIP_HZ = 440;

    private Prompts() {
    }

    static short[] defaultGreeting() {
        return concat(List.of(tone(523.25, 0.25), silence(0.05), tone(659.25, 0.25), silence(0.05), tone(783.99, 0.25),
                silence(0.3)));
    }

    /** A user's greeting WAV, resampled to 48 kHz mono (null when it cannot be read). */
    static short[] greeting(Path wav) throws IOException {
        Wav.Pcm pcm = Wav.read(wav);
        short[] out = new short[(int) ((long) pcm.samples().length * RATE / Math.max(1, pcm.sampleRate()))];
        for (int i = 0; i < out.length; i++) {
            double src = i * (double) pcm.sampleRate() / RATE;
            int a = (int) src;
            int b = Math.min(a + 1, pcm.samples().length - 1);
            double f = src - a;
            out[i] = (short) Math.round(pcm.samples()[a] * (1 - f) + pcm.samples()[b] * f);
        }
        return concat(List.of(out, silence(0.2)));
    }

    static short[] beep() {
        return tone(BEEP_HZ, 0.3);
    }

    static short[] messageCount(int newMessages) {
        if (newMessages <= 0) {
            return concat(List.of(silence(0.3), tone(330, 0.6), silence(0.3)));
        }
        List<short[]> parts = new ArrayList<>();
        parts.add(silence(0.3));
        for (int i = 0; i < Math.min(20, newMessages); i++) {
            parts.add(tone(PIP_HZ, 0.15));
            parts.add(silence(0.15));
        }
        parts.add(silence(0.3));
        return concat(parts);
    }

    static short[] tone(double hz, double seconds) {
        short[] s = new short[(int) (RATE * seconds)];
        int fade = Math.min(s.length / 2, RATE / 200); // 5 ms ramps: no clicks
        for (int i = 0; i < s.length; i++) {
            double gain = Math.min(1.0, Math.min(i, s.length - 1 - i) / (double) Math.max(1, fade));
            s[i] = (short) Math.round(Math.sin(2 * Math.PI * hz * i / RATE) * 0.5 * gain * Short.MAX_VALUE);
        }
        return s;
    }

    static short[] silence(double seconds) {
        return new short[(int) (RATE * seconds)];
    }

    static short[] concat(List<short[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        short[] out = new short[n];
        int pos = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }

    /** Plays {@code samples} once, then silence. */
    static AudioSource once(short[] samples) {
        return () -> new AudioSource.Reader() {
            private int pos;

            @Override
            public void read(short[] frame) {
                for (int i = 0; i < frame.length; i++) {
                    frame[i] = pos < samples.length ? samples[pos++] : 0;
                }
            }
        };
    }

    /** 48 kHz to 16 kHz: a 3-tap average (a null at 16 kHz against aliasing), then every third sample. */
    static short[] to16k(short[] in) {
        short[] out = new short[in.length / 3];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) ((in[3 * i] + in[3 * i + 1] + in[3 * i + 2]) / 3);
        }
        return out;
    }
}
