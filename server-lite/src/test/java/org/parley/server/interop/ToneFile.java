package org.parley.server.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** 16-bit mono PCM WAV files: writes a sine tone for an agent to send, and measures what an agent recorded. */
public final class ToneFile {
    private ToneFile() {
    }

    /** Writes {@code seconds} of a sine at {@code hz}, half of full scale, as a 16-bit mono WAV file. */
    public static void writeSine(Path file, int sampleRate, double hz, double seconds) {
        int n = (int) (sampleRate * seconds);
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 2 * n).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate)
                .putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(2 * n);
        for (int i = 0; i < n; i++) {
            b.putShort((short) Math.round(16383 * Math.sin(2 * Math.PI * hz * i / sampleRate)));
        }
        try {
            Files.write(file, b.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Raw G.711 mu-law samples of a sine at 8 kHz (what SIPp's rtp_stream plays), {@code seconds} long. */
    public static byte[] ulawSine(double hz, double seconds) {
        byte[] out = new byte[(int) (8000 * seconds)];
        for (int i = 0; i < out.length; i++) {
            out[i] = ulaw((short) Math.round(Math.sin(2 * Math.PI * hz * i / 8000) * 12000));
        }
        return out;
    }

    /** G.711 mu-law of one linear sample (ITU-T G.711, with the usual bias of 0x84). */
    public static byte ulaw(short pcm) {
        int sign = pcm < 0 ? 0x80 : 0;
        int magnitude = Math.min(Math.abs((int) pcm), 32635) + 0x84;
        int exponent = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (magnitude >> (exponent + 3)) & 0x0f;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    /** What a 16-bit mono recording holds. */
    public record Recording(int sampleRate, short[] samples) {
        public double seconds() {
            return samples.length / (double) sampleRate;
        }

        /** Seconds of 20 ms frames whose RMS is above 1 % of full scale. */
        public double audibleSeconds() {
            int frame = Math.max(1, sampleRate / 50);
            int audible = 0;
            for (int start = 0; start + frame <= samples.length; start += frame) {
                double sum = 0;
                for (int i = start; i < start + frame; i++) {
                    sum += (double) samples[i] * samples[i];
                }
                if (Math.sqrt(sum / frame) > 327) {
                    audible++;
                }
            }
            return audible * frame / (double) sampleRate;
        }

        /** Relative power at {@code hz} (Goertzel over the whole recording, normalised by its length). */
        public double powerAt(double hz) {
            double coeff = 2 * Math.cos(2 * Math.PI * hz / sampleRate);
            double s1 = 0;
            double s2 = 0;
            for (short sample : samples) {
                double s0 = sample + coeff * s1 - s2;
                s2 = s1;
                s1 = s0;
            }
            double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
            return power / Math.max(1, (double) samples.length * samples.length);
        }

        public String summary(double... frequencies) {
            StringBuilder sb = new StringBuilder(String.format("%.2f s at %d Hz, %.2f s audible", seconds(),
                    sampleRate, audibleSeconds()));
            for (double f : frequencies) {
                sb.append(String.format(", power at %.0f Hz %.1f", f, powerAt(f)));
            }
            return sb.toString();
        }
    }

    /**
     * Reads a 16-bit mono WAV file. A data chunk whose size was never filled in (a writer that did not close the
     * file) is taken to run to the end of the file.
     */
    public static Recording read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || !"RIFF".equals(new String(bytes, 0, 4)) || !"WAVE".equals(new String(bytes, 8, 4))) {
            throw new IllegalArgumentException(file + " is not a WAV file (" + bytes.length + " bytes)");
        }
        int rate = 0;
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            String id = new String(bytes, pos, 4);
            int size = b.getInt(pos + 4);
            int body = pos + 8;
            if ("fmt ".equals(id)) {
                int format = b.getShort(body);
                int channels = b.getShort(body + 2);
                rate = b.getInt(body + 4);
                int bits = b.getShort(body + 14);
                if (format != 1 || channels != 1 || bits != 16) {
                    throw new IllegalArgumentException(file + ": expected 16-bit mono PCM, got format " + format
                            + ", " + channels + " channels, " + bits + " bits");
                }
            } else if ("data".equals(id)) {
                int end = size <= 0 || body + size > bytes.length ? bytes.length : body + size;
                short[] samples = new short[(end - body) / 2];
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = b.getShort(body + 2 * i);
                }
                return new Recording(rate, samples);
            }
            pos = body + size + (size & 1);
        }
        throw new IllegalArgumentException(file + " has no data chunk");
    }
}
