package org.parley.server.conference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.parley.core.media.AudioSource;

/** The mix-minus arithmetic without media: sums of the others, never oneself, hold, clipping, catching up. */
class MixerTest {
    private static final int FRAME = 960;

    private static short[] frame(int value) {
        short[] f = new short[FRAME];
        Arrays.fill(f, (short) value);
        return f;
    }

    private static short[] read(AudioSource.Reader r) {
        short[] f = new short[FRAME];
        r.read(f);
        return f;
    }

    @Test
    void eachMemberHearsTheSumOfTheOthersAndNotItself() {
        Mixer mixer = new Mixer();
        Mixer.Track a = mixer.add();
        Mixer.Track b = mixer.add();
        Mixer.Track c = mixer.add();
        AudioSource.Reader ra = a.open();
        AudioSource.Reader rb = b.open();
        AudioSource.Reader rc = c.open();
        a.append(frame(100), FRAME);
        b.append(frame(20), FRAME);
        c.append(frame(3), FRAME);
        assertThat(read(ra)).containsOnly((short) 23);
        assertThat(read(rb)).containsOnly((short) 103);
        assertThat(read(rc)).containsOnly((short) 120);
    }

    @Test
    void aMemberAloneOrOnHoldHearsSilenceAndAHeldMemberIsNotMixedIn() {
        Mixer mixer = new Mixer();
        Mixer.Track a = mixer.add();
        AudioSource.Reader ra = a.open();
        a.append(frame(500), FRAME);
        assertThat(read(ra)).as("alone").containsOnly((short) 0);

        Mixer.Track b = mixer.add();
        AudioSource.Reader rb = b.open();
        b.active(false);
        a.append(frame(500), FRAME);
        b.append(frame(700), FRAME);
        assertThat(read(ra)).as("the held member is not mixed in").containsOnly((short) 0);
        assertThat(read(rb)).as("the held member hears nothing").containsOnly((short) 0);
        mixer.remove(b);
        assertThat(mixer.size()).isEqualTo(1);
    }

    @Test
    void loudMembersAreClippedNotWrappedAround() {
        Mixer mixer = new Mixer();
        Mixer.Track a = mixer.add();
        Mixer.Track b = mixer.add();
        Mixer.Track c = mixer.add();
        AudioSource.Reader rc = c.open();
        a.append(frame(30000), FRAME);
        b.append(frame(30000), FRAME);
        assertThat(read(rc)).containsOnly(Short.MAX_VALUE);
    }

    @Test
    void aReaderFarBehindSkipsToTheNewestAudio() {
        Mixer mixer = new Mixer();
        Mixer.Track a = mixer.add();
        Mixer.Track b = mixer.add();
        AudioSource.Reader rb = b.open();
        a.append(frame(1), FRAME);
        assertThat(read(rb)).containsOnly((short) 1);
        for (int i = 0; i < 20; i++) {
            a.append(frame(i == 19 ? 9 : 2), FRAME);
        }
        // 400 ms arrived at once: the reader jumps to the newest frames instead of playing them all late
        short[] next = read(rb);
        assertThat(next[0]).isEqualTo((short) 2);
        assertThat(read(rb)).containsOnly((short) 9);
    }
}
