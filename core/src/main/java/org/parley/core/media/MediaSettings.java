package org.parley.core.media;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the media engine starts.
 *
 * @param dataDir   where libjitsi keeps its home directory and JNA unpacks natives (instead of the user's home)
 * @param headless  true: no PortAudio/PulseAudio (servers, tests, machines without a sound server); capture and
 *                  playback then only go through {@link AudioSource}s and {@link PcmRecorder}s
 */
public record MediaSettings(Path dataDir, boolean headless) {
    public MediaSettings {
        Objects.requireNonNull(dataDir, "dataDir");
    }

    public static MediaSettings headless(Path dataDir) {
        return new MediaSettings(dataDir, true);
    }
}
