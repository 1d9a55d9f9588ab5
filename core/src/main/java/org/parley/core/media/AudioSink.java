package org.parley.core.media;

/**
 * Where a session's decoded audio goes: 16-bit mono PCM at {@link AudioSource#SAMPLE_RATE}, in the order it is
 * played. Called from a media thread; implementations must not block it for long.
 */
public interface AudioSink {
    void append(short[] mono, int count);
}
