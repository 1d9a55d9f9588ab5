package org.parley.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.sf.fmj.media.util.MediaThread;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MediaThreadFaultsTest {
    private final List<String> reported = new ArrayList<>();
    private Thread.UncaughtExceptionHandler saved;

    @BeforeEach
    void recordWhatReachesTheApplicationsHandler() {
        saved = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            synchronized (reported) {
                reported.add(t.getName() + ": " + e.getMessage());
            }
        });
    }

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(saved);
    }

    @Test
    void withoutItAnFmjMediaThreadsExceptionReachesTheApplicationsHandler() throws Exception {
        runFmjThreadThatFails();
        assertThat(reported).containsExactly("RTCP Reporter: ssrcInfo is null");
    }

    @Test
    void anExceptionEndingAnFmjMediaThreadStaysInsideTheMediaEngine() throws Exception {
        MediaThreadFaults.install();
        runFmjThreadThatFails();
        assertThat(reported).isEmpty();
    }

    private static void runFmjThreadThatFails() throws InterruptedException {
        Thread t = new MediaThread(() -> {
            throw new NullPointerException("ssrcInfo is null");
        }, "RTCP Reporter");
        t.start();
        t.join(5000);
    }

    @Test
    void anyOtherThreadsExceptionStillReachesTheApplicationsHandler() throws Exception {
        MediaThreadFaults.install();
        Thread t = new Thread(() -> {
            throw new IllegalStateException("boom");
        }, "app-worker");
        t.start();
        t.join(5000);
        assertThat(reported).containsExactly("app-worker: boom");
    }
}
