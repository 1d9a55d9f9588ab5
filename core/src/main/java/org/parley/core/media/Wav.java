package org.parley.core.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes 16-bit PCM WAV files (RIFF, little endian); no javax.sound needed. */
public final class Wav {
    private Wav() {
    }

    /** Samples of a 16-bit PCM WAV file, downmixed to mono, with their sample rate. */
    public record Pcm(short[] samples, int sampleRate) {
        public double seconds() { return samples.length / (double) sampleRate; }
    }

    public static Pcm read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IOException("not a RIFF/WAVE file: " + file);
        }
        int channels = 0;
        int rate = 0;
        int bits = 0;
        int pos = 12;
        while (pos + 8 <= b.limit()) {
            int id = b.getInt(pos);
            int size = b.getInt(pos + 4);
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                int format = b.getShort(body) & 0xffff;
                channels = b.getShort(body + 2);
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14);
                if (format != 1 && format != 0xfffe || bits != 16) {
                    throw new IOException("only 16-bit PCM WAV is supported: " + file);
                }
            } else if (id == 0x61746164) { // "data"
                if (channels <= 0) {
                    throw new IOException("WAV data before fmt chunk: " + file);
                }
                int len = Math.min(size, b.limit() - body);
                int frames = len / (2 * channels);
                short[] out = new short[frames];
                for (int f = 0; f < frames; f++) {
                    int sum = 0;
                    for (int c = 0; c < channels; c++) {
                        sum += b.getShort(body + 2 * (f * channels + c));
                    }
                    out[f] = (short) (sum / channels);
                }
                return new Pcm(out, rate);
            }
            pos = body + size + (size & 1);
        }
        throw new IOException("no data chunk in " + file);
    }

    public static void write(Path file, short[] samples, int length, int sampleRate) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + 2 * length).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate)
                .putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        b.putInt(0x61746164).putInt(2 * length);
        for (int i = 0; i < length; i++) {
            b.putShort(samples[i]);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, b.array());
    }
}
