/**
 * Audio media for calls: RTP/SRTP streams (libjitsi), codecs, headless capture sources (silence, tones, WAV files)
 * and recorders. No SIP here: the call layer negotiates SDP and drives {@link org.parley.core.media.AudioSession}s.
 */
package org.parley.core.media;
