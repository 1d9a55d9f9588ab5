package org.parley.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavTest {
    @Test
    void aWrittenWavReadsBackAndPlaysAsASourceResampledTo48k(@TempDir Path dir) throws Exception {
        short[] pcm = new short[8000];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) Math.round(10000 * Math.sin(2 * Math.PI * 400 * i / 8000.0));
        }
        Path file = dir.resolve("t.wav");
        Wav.write(file, pcm, pcm.length, 8000);
        Wav.Pcm back = Wav.read(file);
        assertThat(back.sampleRate()).isEqualTo(8000);
        assertThat(back.samples()).isEqualTo(pcm);

        short[] twoSeconds = new short[2 * 48000];
        AudioSource.wav(file, true).open().read(twoSeconds);
        assertThat(Goertzel.power(twoSeconds, 48000, 400) / Goertzel.power(twoSeconds, 48000, 1000))
                .as("the 8 kHz file still sounds at 400 Hz at 48 kHz, looped").isGreaterThan(1000);
        assertThat(Goertzel.power(twoSeconds, 48000, 96000, 48000, 400))
                .isGreaterThan(0.2 * 10000.0 * 10000 / 4);
    }

    @Test
    void aFilePlayedOnceEndsInSilence(@TempDir Path dir) throws Exception {
        short[] pcm = new short[480];
        java.util.Arrays.fill(pcm, (short) 1000);
        Path file = dir.resolve("s.wav");
        Wav.write(file, pcm, pcm.length, 48000);
        short[] frame = new short[960];
        AudioSource.wav(file, false).open().read(frame);
        assertThat(frame[479]).isEqualTo((short) 1000);
        assertThat(frame[480]).isZero();
        assertThat(frame[959]).isZero();
    }
}
