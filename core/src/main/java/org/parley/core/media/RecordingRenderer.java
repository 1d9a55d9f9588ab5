package org.parley.core.media;

import javax.media.Buffer;
import javax.media.Format;
import javax.media.Renderer;
import javax.media.format.AudioFormat;

/** A JMF renderer that hands decoded 16-bit PCM to an {@link AudioSink} (downmixed, resampled to 48 kHz). */
final class RecordingRenderer implements Renderer {
    private static final Format[] SUPPORTED = {
        new AudioFormat(AudioFormat.LINEAR, Format.NOT_SPECIFIED, 16, Format.NOT_SPECIFIED,
                AudioFormat.LITTLE_ENDIAN, AudioFormat.SIGNED, Format.NOT_SPECIFIED, Format.NOT_SPECIFIED,
                Format.byteArray)
    };

    private final AudioSink recorder;
    private AudioFormat input;
    private short[] mono = new short[0];

    RecordingRenderer(AudioSink recorder) {
        this.recorder = recorder;
    }

    @Override
    public Format[] getSupportedInputFormats() {
        return SUPPORTED.clone();
    }

    @Override
    public Format setInputFormat(Format format) {
        if (!(format instanceof AudioFormat af) || !format.matches(SUPPORTED[0])) {
            return null;
        }
        input = af;
        return format;
    }

    @Override
    public int process(Buffer buffer) {
        if (buffer.isDiscard() || buffer.isEOM() || buffer.getLength() <= 0
                || !(buffer.getData() instanceof byte[] data)) {
            return BUFFER_PROCESSED_OK;
        }
        AudioFormat format = buffer.getFormat() instanceof AudioFormat af ? af : input;
        int channels = Math.max(1, format == null ? 1 : format.getChannels());
        int rate = format == null || format.getSampleRate() <= 0 ? PcmRecorder.SAMPLE_RATE
                : (int) format.getSampleRate();
        int frames = buffer.getLength() / (2 * channels);
        if (mono.length < frames) {
            mono = new short[frames];
        }
        int off = buffer.getOffset();
        for (int f = 0; f < frames; f++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                int i = off + 2 * (f * channels + c);
                sum += (short) ((data[i] & 0xff) | (data[i + 1] << 8));
            }
            mono[f] = (short) (sum / channels);
        }
        short[] out = Resampler.linear(mono, frames, rate, PcmRecorder.SAMPLE_RATE);
        recorder.append(out, out.length);
        return BUFFER_PROCESSED_OK;
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }

    @Override
    public String getName() {
        return "Parley PCM recorder";
    }

    @Override
    public void open() {
    }

    @Override
    public void close() {
    }

    @Override
    public void reset() {
    }

    @Override
    public Object[] getControls() {
        return new Object[0];
    }

    @Override
    public Object getControl(String controlType) {
        return null;
    }
}
