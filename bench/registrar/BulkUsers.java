import java.nio.file.Path;
import org.parley.server.ParleyServer;
import org.parley.server.ServerConfig;
import org.parley.server.users.UserCredentials;
import org.parley.server.users.UserProfile;

/**
 * bench/registrar helper: adds the benchmark users to a Parley data directory in one JVM
 * ({@code parley admin user add} starts a JVM per user). Run by run.sh as a single-file source program:
 * {@code java -cp "server-lite.jar:lib/*" BulkUsers.java DATA_DIR DOMAIN COUNT USER_PREFIX PASS_PREFIX}.
 * User i is USER_PREFIX + i (5 digits), password PASS_PREFIX + the same digits: the same users, realm and
 * passwords run.sh gives Kamailio.
 */
public final class BulkUsers {
    private BulkUsers() {
    }

    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: BulkUsers DATA_DIR DOMAIN COUNT USER_PREFIX PASS_PREFIX");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        String domain = args[1];
        int count = Integer.parseInt(args[2]);
        String userPrefix = args[3];
        String passPrefix = args[4];
        long t0 = System.nanoTime();
        // Port 0: any free port; TLS port -1: no TLS. The server is only opened to reach its user store.
        ServerConfig config = ServerConfig.defaults(dataDir).withBind("127.0.0.1").withPorts(0, -1).withDomain(domain);
        try (ParleyServer server = ParleyServer.start(config)) {
            for (int i = 0; i < count; i++) {
                String digits = String.format("%05d", i);
                String user = userPrefix + digits;
                server.users().add(new UserProfile(user, "Bench User " + digits, null, null, null, null, null, null),
                        UserCredentials.fromPassword(user, domain, passPrefix + digits));
            }
        }
        System.out.printf("added %d users in %.1f s%n", count, (System.nanoTime() - t0) / 1e9);
        // The SIP stack may leave a non-daemon thread behind after close(); nothing else is left to do.
        System.exit(0);
    }
}
