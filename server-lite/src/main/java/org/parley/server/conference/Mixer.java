package org.parley.server.conference;

import java.util.Arrays;
import org.parley.core.media.AudioSink;
import org.parley.core.media.AudioSource;

/**
 * A conference's audio: mix-minus at 48 kHz mono (the media engine's {@link AudioSource}/{@link AudioSink} format).
 * Each member has a {@link Track}: what the member's session decodes is appended to the track's ring buffer (on
 * that session's receive thread), and what the session sends is read from the track as a source (on its capture
 * thread, 20 ms frames): the sum of every other mixed-in track's newest samples, clipped to 16 bits. A reader keeps
 * its own position in each other track, about one frame behind the writer; when it falls further behind (a late
 * start, a member coming back from hold, clock drift) it skips to the newest audio. Nothing is allocated per frame
 * once a reader has seen every track (its scratch arrays grow only when members join).
 */
final class Mixer {
    /** Ring size per track (a power of two): about 0.68 s at 48 kHz. */
    private static final int RING = 1 << 15;
    /** Positions are kept this far (samples) behind the writer: one 20 ms frame of cushion against jitter. */
    private static final int CUSHION = AudioSource.SAMPLE_RATE / 50;
    /** A reader further behind than this (100 ms) skips ahead. */
    private static final int MAX_LAG = 5 * CUSHION;

    private volatile Track[] tracks = new Track[0];
    private int nextIndex;

    /** A new member's track, mixed in from now on. */
    synchronized Track add() {
        Track t = new Track(nextIndex++);
        Track[] grown = Arrays.copyOf(tracks, tracks.length + 1);
        grown[grown.length - 1] = t;
        tracks = grown;
        return t;
    }

    synchronized void remove(Track t) {
        tracks = Arrays.stream(tracks).filter(x -> x != t).toArray(Track[]::new);
    }

    int size() {
        return tracks.length;
    }

    /** One member's audio: what it sent (a sink) and what it hears (a source). */
    final class Track implements AudioSink, AudioSource {
        private final int index;
        private final short[] ring = new short[RING];
        /** Samples ever written; published after the samples themselves. */
        private volatile long written;
        /** False while the member is on hold: others do not hear it and it hears nothing. */
        private volatile boolean active = true;

        private Track(int index) {
            this.index = index;
        }

        void active(boolean on) {
            active = on;
        }

        boolean active() {
            return active;
        }

        /** Samples received from this member so far. */
        long received() {
            return written;
        }

        @Override
        public void append(short[] mono, int count) {
            long w = written;
            int n = Math.min(count, RING);
            int from = count - n;
            for (int i = 0; i < n; i++) {
                ring[(int) ((w + i) & (RING - 1))] = mono[from + i];
            }
            written = w + n;
        }

        @Override
        public Reader open() {
            return new MixReader(this);
        }
    }

    /** The mix one member hears; used by its session's capture thread only. */
    private final class MixReader implements AudioSource.Reader {
        private final Track self;
        private int[] sum = new int[0];
        /** Read position in each track by track index; -1: not yet positioned. */
        private long[] positions = new long[0];

        MixReader(Track self) {
            this.self = self;
        }

        @Override
        public void read(short[] frame) {
            int len = frame.length;
            Track[] all = tracks;
            if (!self.active || all.length < 2) {
                Arrays.fill(frame, (short) 0);
                return;
            }
            if (sum.length < len) {
                sum = new int[len];
            }
            Arrays.fill(sum, 0, len, 0);
            for (Track t : all) {
                if (t == self || !t.active) {
                    continue;
                }
                addFrom(t, len);
            }
            for (int i = 0; i < len; i++) {
                int v = sum[i];
                frame[i] = (short) (v > Short.MAX_VALUE ? Short.MAX_VALUE : Math.max(v, Short.MIN_VALUE));
            }
        }

        private void addFrom(Track t, int len) {
            if (positions.length <= t.index) {
                int old = positions.length;
                positions = Arrays.copyOf(positions, Math.max(t.index + 1, old * 2));
                Arrays.fill(positions, old, positions.length, -1L);
            }
            long w = t.written;
            long pos = positions[t.index];
            if (pos < 0 || pos > w || w - pos > MAX_LAG) {
                pos = Math.max(0, w - len - CUSHION);
            }
            int n = (int) Math.min(len, w - pos);
            short[] ring = t.ring;
            for (int i = 0; i < n; i++) {
                sum[i] += ring[(int) ((pos + i) & (RING - 1))];
            }
            positions[t.index] = pos + n;
        }
    }
}
