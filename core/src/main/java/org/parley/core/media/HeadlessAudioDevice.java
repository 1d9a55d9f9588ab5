package org.parley.core.media;

import javax.media.Renderer;
import javax.media.protocol.CaptureDevice;
import org.jitsi.impl.neomedia.device.AudioMediaDeviceImpl;
import org.jitsi.service.neomedia.MediaDirection;

/** A libjitsi audio device without hardware: captures from an {@link AudioSource}, plays into an {@link AudioSink}. */
final class HeadlessAudioDevice extends AudioMediaDeviceImpl {
    private final AudioSource source;
    private final AudioSink recorder;

    HeadlessAudioDevice(AudioSource source, AudioSink recorder) {
        this.source = source;
        this.recorder = recorder;
    }

    @Override
    protected synchronized CaptureDevice createCaptureDevice() {
        return new SourceCaptureDevice(source);
    }

    @Override
    protected Renderer createRenderer() {
        return new RecordingRenderer(recorder);
    }

    @Override
    public MediaDirection getDirection() {
        return MediaDirection.SENDRECV;
    }
}
