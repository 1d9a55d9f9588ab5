package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.testsupport.TestServer;

class ParleyServerLifecycleTest {
    @TempDir
    Path data;

    private static long liveNonDaemonSipThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon() && t.getName().startsWith("EventScanner"))
                .count();
    }

    @Test
    void closingTheServerLeavesNoThreadThatKeepsTheJvmAlive() throws InterruptedException {
        long before = liveNonDaemonSipThreads();
        ParleyServer server = TestServer.start(data);
        assertThat(liveNonDaemonSipThreads()).as("JAIN-SIP's event scanner runs while the server does").isGreaterThan(before);
        server.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (liveNonDaemonSipThreads() > before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(liveNonDaemonSipThreads()).isEqualTo(before);
    }
}
