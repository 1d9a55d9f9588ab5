package org.parley.core.client.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.client.AudioDevices;
import org.parley.core.media.SoundDevices;

class ClientMediaTest {
    @TempDir
    Path dir;

    @Test
    void offersGeneratedDevicesAndEverySoundCardJavaSoundSees() {
        ClientMedia media = new ClientMedia(dir, null, false);
        AudioDevices.Available a = media.available();
        assertThat(a.capture()).startsWith("silence", "tone:440").containsAll(SoundDevices.microphones());
        assertThat(a.playback()).startsWith("none").containsAll(SoundDevices.speakers());
        assertThat(media.devices()).isEqualTo(AudioDevices.HEADLESS);
    }

    @Test
    void unknownOrBrokenDevicesAreRefusedWithTheReasonAndTheChoiceIsKept() {
        ClientMedia media = new ClientMedia(dir, null, false);
        assertThatThrownBy(() -> media.use(new AudioDevices("Imaginary USB headset", "none", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Imaginary USB headset");
        assertThatThrownBy(() -> media.use(new AudioDevices("tone:0", "none", null)))
                .hasMessageContaining("frequency");
        assertThatThrownBy(() -> media.use(new AudioDevices("file:" + dir.resolve("missing.wav"), "none", null)))
                .hasMessageContaining("missing.wav");
        assertThatThrownBy(() -> media.use(new AudioDevices("silence", "Imaginary speaker", null)))
                .hasMessageContaining("no playback device Imaginary speaker");
        assertThat(media.devices()).isEqualTo(AudioDevices.HEADLESS);

        AudioDevices files = new AudioDevices("tone:697", "file:" + dir.resolve("heard.wav"), "none");
        media.use(files);
        assertThat(media.devices()).isEqualTo(files);
    }
}
