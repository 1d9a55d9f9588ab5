package org.parley.core.media;

import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machine's sound cards through Java Sound (the same on Linux, macOS and Windows): microphones as
 * {@link AudioSource}s, speakers and headsets as {@link AudioSink}s, both 48 kHz 16-bit mono. libjitsi itself runs
 * headless (its PortAudio back end kills the JVM where no sound server runs), so sound cards are reached here.
 */
public final class SoundDevices {
    private static final Logger LOG = LoggerFactory.getLogger(SoundDevices.class);
    static final AudioFormat FORMAT = new AudioFormat(AudioSource.SAMPLE_RATE, 16, 1, true, false);

    private SoundDevices() {
    }

    /** Names of the mixers that can capture 48 kHz mono (empty on a machine without sound cards). */
    public static List<String> microphones() {
        return mixers(new DataLine.Info(TargetDataLine.class, FORMAT));
    }

    /** Names of the mixers that can play 48 kHz mono. */
    public static List<String> speakers() {
        return mixers(new DataLine.Info(SourceDataLine.class, FORMAT));
    }

    private static List<String> mixers(DataLine.Info line) {
        List<String> out = new ArrayList<>();
        try {
            for (Mixer.Info info : AudioSystem.getMixerInfo()) {
                if (AudioSystem.getMixer(info).isLineSupported(line)) {
                    out.add(info.getName());
                }
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("no sound devices: {}", e.toString());
        }
        return out;
    }

    private static Mixer mixer(String name) {
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            if (info.getName().equals(name)) {
                return AudioSystem.getMixer(info);
            }
        }
        throw new IllegalArgumentException("no sound device named " + name);
    }

    /** A microphone as a source; each reader opens the line and reads what it captured (silence if it cannot). */
    public static AudioSource microphone(String name) {
        Mixer mixer = mixer(name);
        return () -> {
            TargetDataLine line;
            try {
                line = (TargetDataLine) mixer.getLine(new DataLine.Info(TargetDataLine.class, FORMAT));
                line.open(FORMAT, AudioSource.SAMPLE_RATE / 5 * 2);
                line.start();
            } catch (LineUnavailableException | RuntimeException e) {
                LOG.warn("cannot capture from {}: {}; sending silence", name, e.toString());
                return frame -> java.util.Arrays.fill(frame, (short) 0);
            }
            return new AudioSource.Reader() {
                private byte[] bytes = new byte[0];

                @Override
                public void read(short[] frame) {
                    if (bytes.length != frame.length * 2) {
                        bytes = new byte[frame.length * 2];
                    }
                    int n = Math.min(bytes.length, Math.max(0, line.available()) / 2 * 2);
                    n = n == 0 ? 0 : line.read(bytes, 0, n);
                    for (int i = 0; i < frame.length; i++) {
                        frame[i] = 2 * i + 1 < n ? (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8)) : 0;
                    }
                }
            };
        };
    }

    /** A speaker or headset as a sink; writes only what fits in the line's buffer (drops rather than blocks). */
    public static AudioSink speaker(String name) {
        SourceDataLine line;
        try {
            line = (SourceDataLine) mixer(name).getLine(new DataLine.Info(SourceDataLine.class, FORMAT));
            line.open(FORMAT, AudioSource.SAMPLE_RATE / 5 * 2);
            line.start();
        } catch (LineUnavailableException e) {
            throw new IllegalArgumentException("cannot play on " + name + ": " + e.getMessage(), e);
        }
        return new AudioSink() {
            private byte[] bytes = new byte[0];

            @Override
            public void append(short[] mono, int count) {
                if (bytes.length < count * 2) {
                    bytes = new byte[count * 2];
                }
                for (int i = 0; i < count; i++) {
                    bytes[2 * i] = (byte) mono[i];
                    bytes[2 * i + 1] = (byte) (mono[i] >> 8);
                }
                int n = Math.min(count * 2, line.available() / 2 * 2);
                if (n > 0) {
                    line.write(bytes, 0, n);
                }
            }
        };
    }
}
