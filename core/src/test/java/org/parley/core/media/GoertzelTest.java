package org.parley.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoertzelTest {
    private static short[] tone(double hz, int n) {
        short[] pcm = new short[n];
        AudioSource.tone(hz, 0.5).open().read(pcm);
        return pcm;
    }

    @Test
    void aToneHasItsOwnFrequencyAndNotAnother() {
        short[] pcm = tone(440, 48000);
        double p440 = Goertzel.power(pcm, 48000, 440);
        double p1000 = Goertzel.power(pcm, 48000, 1000);
        assertThat(p440 / p1000).isGreaterThan(1e4);
        // A clean sine puts half of its mean energy at its frequency (|X|^2/n^2 = A^2/4, mean energy A^2/2).
        assertThat(p440 / Goertzel.totalPower(pcm, 0, pcm.length)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void silenceHasNoPower() {
        assertThat(Goertzel.power(new short[960], 48000, 440)).isZero();
        assertThat(Goertzel.power(new short[0], 48000, 440)).isZero();
    }
}
