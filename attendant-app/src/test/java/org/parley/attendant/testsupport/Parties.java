package org.parley.attendant.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.parley.core.client.ClientConfig;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.client.sip.ClientTuning;
import org.parley.core.client.sip.SipUcClient;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The other people of a console screen test: real core clients signed in to the test's server (callers, transfer
 * targets, conference members), and every call state any of them saw, in order. Close it after the test.
 */
public final class Parties implements AutoCloseable {
    /** Short timeouts and renewals, so that a test notices a lost request or a dropped peer within seconds. */
    public static final ClientTuning FAST = ClientTuning.defaults().withRequestTimeout(Duration.ofSeconds(3))
            .withKeepAlive(Duration.ofSeconds(1)).withBackoff(Duration.ofMillis(250), Duration.ofSeconds(2))
            .withExpires(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60));
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final TestServerExtension parley;
    private final Supplier<Path> dir;
    private final List<SipUcClient> open = new ArrayList<>();
    private final ExecutorService events = Executors.newSingleThreadExecutor();
    private final List<Call> seen = new CopyOnWriteArrayList<>();

    /** @param dir where each party keeps its data (a sub-directory per user), asked for at the first sign-in */
    public Parties(TestServerExtension parley, Supplier<Path> dir) {
        this.parley = parley;
        this.dir = dir;
    }

    /** Signs {@code user} in over TCP and records the calls it sees. */
    public SipUcClient signIn(String user) throws Exception {
        ClientConfig cfg = ClientConfig.of("127.0.0.1", parley.server().sipPort(), Transport.TCP, user,
                TestServer.DOMAIN, Files.createDirectories(dir.get().resolve(user)));
        SipUcClient c = SipUcClient.create(cfg, events, FAST, Clock.systemUTC());
        open.add(c);
        c.signIn(TestServer.password(user).toCharArray()).get(10, TimeUnit.SECONDS);
        c.telephony().addCallListener(seen::add);
        return c;
    }

    /** The latest call state matching {@code p}, once one was seen (waits up to 20 s). */
    public Call await(Predicate<Call> p) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS, () -> seen.stream().anyMatch(p));
        return seen.stream().filter(p).reduce((a, b) -> b).orElseThrow();
    }

    /** The latest state seen of the call {@code callId}. */
    public State latest(String callId) {
        return seen.stream().filter(c -> c.id().equals(callId)).reduce((a, b) -> b).orElseThrow().state();
    }

    /** Every call state seen so far, oldest first. */
    public List<Call> seen() {
        return seen;
    }

    @Override
    public void close() {
        open.parallelStream().forEach(SipUcClient::close);
        events.shutdownNow();
    }
}
