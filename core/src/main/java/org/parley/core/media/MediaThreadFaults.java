package org.parley.core.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a known libjitsi/FMJ fault inside the media engine: FMJ's RTCP reporter thread can run once more after its
 * stream was closed and die with a NullPointerException ({@code DefaultRTCPTransmitterImpl.makereports}: the session's
 * SSRC info is already gone). The stream is over, so nothing is lost, but an uncaught exception reaches the JVM's
 * default handler, which an application (or a test harness) may treat as a failure. This wraps the default handler
 * once: an exception that ends one of FMJ's own media threads is logged; any other goes to the handler that was there.
 */
final class MediaThreadFaults {
    private static final Logger LOG = LoggerFactory.getLogger(MediaThreadFaults.class);
    private static boolean installed;

    private MediaThreadFaults() {
    }

    static synchronized void install() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        if (installed && previous instanceof Handler) {
            return;
        }
        Thread.setDefaultUncaughtExceptionHandler(new Handler(previous));
        installed = true;
    }

    /** True for a thread of FMJ's media framework (its threads are {@code net.sf.fmj.media.util.MediaThread}s). */
    static boolean isFmjMediaThread(Thread t) {
        return t.getClass().getName().startsWith("net.sf.fmj.");
    }

    private record Handler(Thread.UncaughtExceptionHandler previous) implements Thread.UncaughtExceptionHandler {
        @Override
        public void uncaughtException(Thread t, Throwable e) {
            if (isFmjMediaThread(t)) {
                LOG.debug("media thread {} ended: {}", t.getName(), e.toString());
                return;
            }
            if (previous != null) {
                previous.uncaughtException(t, e);
            } else {
                System.err.print("Exception in thread \"" + t.getName() + "\" ");
                e.printStackTrace();
            }
        }
    }
}
