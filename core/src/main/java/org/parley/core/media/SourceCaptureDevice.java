package org.parley.core.media;

import java.io.IOException;
import javax.media.Buffer;
import javax.media.Format;
import javax.media.control.FormatControl;
import javax.media.format.AudioFormat;
import javax.media.protocol.BufferTransferHandler;
import org.jitsi.impl.neomedia.jmfext.media.protocol.AbstractPushBufferCaptureDevice;
import org.jitsi.impl.neomedia.jmfext.media.protocol.AbstractPushBufferStream;

/** A JMF capture device that pushes 20 ms frames of an {@link AudioSource} in real time (48 kHz, mono, 16-bit). */
final class SourceCaptureDevice extends AbstractPushBufferCaptureDevice {
    static final int FRAME_MS = 20;
    private static final AudioFormat FORMAT = new AudioFormat(AudioFormat.LINEAR, AudioSource.SAMPLE_RATE, 16, 1,
            AudioFormat.LITTLE_ENDIAN, AudioFormat.SIGNED, Format.NOT_SPECIFIED, Format.NOT_SPECIFIED,
            Format.byteArray);

    private final AudioSource source;

    SourceCaptureDevice(AudioSource source) {
        this.source = source;
    }

    @Override
    protected AbstractPushBufferStream<?> createStream(int streamIndex, FormatControl formatControl) {
        return new SourceStream(this, formatControl, source.open());
    }

    @Override
    protected Format[] getSupportedFormats(int streamIndex) {
        return new Format[] {FORMAT};
    }

    private static final class SourceStream extends AbstractPushBufferStream<SourceCaptureDevice> implements Runnable {
        private final AudioSource.Reader reader;
        private final short[] frame = new short[AudioSource.SAMPLE_RATE * FRAME_MS / 1000];
        private Thread thread;
        private boolean started;

        SourceStream(SourceCaptureDevice device, FormatControl formatControl, AudioSource.Reader reader) {
            super(device, formatControl);
            this.reader = reader;
        }

        @Override
        public void read(Buffer buffer) throws IOException {
            reader.read(frame);
            int bytes = frame.length * 2;
            Object data = buffer.getData();
            byte[] out = data instanceof byte[] b && b.length >= bytes ? b : new byte[bytes];
            for (int i = 0; i < frame.length; i++) {
                out[2 * i] = (byte) frame[i];
                out[2 * i + 1] = (byte) (frame[i] >> 8);
            }
            buffer.setData(out);
            buffer.setOffset(0);
            buffer.setLength(bytes);
            buffer.setFormat(getFormat());
        }

        @Override
        public void run() {
            long next = System.nanoTime();
            try {
                while (true) {
                    synchronized (this) {
                        if (thread != Thread.currentThread() || !started) {
                            return;
                        }
                    }
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        continue;
                    }
                    next += FRAME_MS * 1_000_000L;
                    BufferTransferHandler handler = transferHandler;
                    if (handler != null) {
                        handler.transferData(this);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                synchronized (this) {
                    if (thread == Thread.currentThread()) {
                        thread = null;
                        started = false;
                        notifyAll();
                    }
                }
            }
        }

        @Override
        public synchronized void start() throws IOException {
            if (thread == null) {
                thread = new Thread(this, "parley-audio-source");
                thread.setDaemon(true);
                started = true;
                thread.start();
            }
        }

        @Override
        public synchronized void stop() throws IOException {
            started = false;
            notifyAll();
            Thread t = thread;
            if (t != null && t != Thread.currentThread()) {
                t.interrupt();
            }
            boolean interrupted = false;
            long deadline = System.currentTimeMillis() + 2000;
            while (thread != null && System.currentTimeMillis() < deadline) {
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
