import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.parley.core.client.CallOptions;
import org.parley.core.client.ClientConfig;
import org.parley.core.client.sip.ClientTuning;
import org.parley.core.client.sip.SipUcClient;

/**
 * bench/attendant's callers: COUNT real core clients (BenchServer's users c00000...) sign in over TCP, wait until
 * the GO file exists (the console is up), then each calls TARGET once, 50 ms apart, and stays on the line until
 * SECONDS have passed. Run by run.sh as a single-file program on server-lite's class path:
 * {@code java -cp ... Callers.java PORT DOMAIN COUNT TARGET GO DATA SECONDS}. Only 127.0.0.1; bounded in count and time.
 */
public final class Callers {
    private Callers() {
    }

    public static void main(String[] a) throws Exception {
        int port = Integer.parseInt(a[0]);
        String domain = a[1];
        int count = Math.min(Integer.parseInt(a[2]), 200);
        String target = a[3];
        Path go = Path.of(a[4]);
        Path data = Path.of(a[5]);
        long seconds = Math.min(Long.parseLong(a[6]), 600);
        ExecutorService events = Executors.newSingleThreadExecutor();
        ClientTuning tuning = ClientTuning.defaults().withRequestTimeout(Duration.ofSeconds(10));
        List<SipUcClient> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String user = String.format("c%05d", i);
            SipUcClient c = SipUcClient.create(ClientConfig.of("127.0.0.1", port, ClientConfig.Transport.TCP, user,
                    domain, Files.createDirectories(data.resolve(user))), events, tuning, Clock.systemUTC());
            c.signIn(("pw-" + user).toCharArray()).get(30, TimeUnit.SECONDS);
            clients.add(c);
        }
        System.out.println("signed-in " + clients.size());
        long deadline = System.currentTimeMillis() + 180_000;
        while (!Files.exists(go) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        for (SipUcClient c : clients) {
            c.telephony().call(target, CallOptions.NONE);
            Thread.sleep(50);
        }
        System.out.println("called " + clients.size());
        Thread.sleep(seconds * 1000);
        clients.parallelStream().forEach(SipUcClient::close);
        events.shutdownNow();
        System.exit(0);
    }
}
