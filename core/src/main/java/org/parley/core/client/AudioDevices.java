package org.parley.core.client;

import java.util.List;

/**
 * Audio devices by id. Capture: {@code silence}, {@code tone:<hz>} (a generated sine), {@code file:<path.wav>}
 * (played in a loop), or a sound-card name from {@link Available#capture()}. Playback and ringer: {@code none},
 * {@code file:<path.wav>} (what arrives is recorded there), or a sound-card name. Headless machines have only the
 * generated and file devices.
 */
public record AudioDevices(String capture, String playback, String ringer) {
    public static final AudioDevices HEADLESS = new AudioDevices("silence", "none", "none");

    public AudioDevices {
        capture = capture == null || capture.isBlank() ? "silence" : capture;
        playback = playback == null || playback.isBlank() ? "none" : playback;
        ringer = ringer == null || ringer.isBlank() ? playback : ringer;
    }

    /** What this machine offers. */
    public record Available(List<String> capture, List<String> playback) {
        public Available {
            capture = List.copyOf(capture);
            playback = List.copyOf(playback);
        }
    }
}
