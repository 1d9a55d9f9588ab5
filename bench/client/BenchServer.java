import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.parley.core.model.ContactList;
import org.parley.core.model.DeviceKind;
import org.parley.core.model.PresenceInfo;
import org.parley.core.model.PresenceState;
import org.parley.core.presence.PidfCodec;
import org.parley.server.ParleyServer;
import org.parley.server.ServerConfig;
import org.parley.server.contacts.ContactLists;
import org.parley.server.store.Database;
import org.parley.server.store.SqliteDialect;
import org.parley.server.transport.LocalDomain;
import org.parley.server.users.UserCredentials;
import org.parley.server.users.UserProfile;
import org.parley.server.users.UserRepository;

/**
 * bench/client's server: a real server-lite (TLS on a free port) seeded with CONTACTS users ("c00000"...) and two
 * owners, "small" (the first SMALL contacts in 10 groups) and "large" (all of them in 20 groups), every contact
 * with a published presence. The server caps a contact list at 500 through its API, so the large owner's entries
 * beyond 500 are written straight into the database before the server starts (the client is what is measured).
 * Passwords are "pw-" + user name. A control socket on 127.0.0.1 takes one command per line:
 * {@code storm RATE SECONDS COUNT} changes the presence of the first COUNT contacts round robin, RATE changes per
 * second for SECONDS (bounded), and answers {@code done SENT MILLIS}; {@code quit} stops the server.
 * Run by run.sh as a single-file program on server-lite's class path:
 * {@code java -cp "server-lite.jar:lib/*" BenchServer.java DATA DOMAIN CONTACTS SMALL}.
 */
public final class BenchServer {
    private static final String[] FIRST = {"Ada", "Ben", "Chloe", "Dan", "Eva", "Farid", "Grace", "Hugo", "Ines", "Jon",
            "Kira", "Leo", "Maya", "Nils", "Olga", "Pavel", "Quinn", "Rosa", "Sam", "Tara", "Umar", "Vera", "Wes",
            "Xena", "Yusuf", "Zoe", "Marta", "Anton", "Lena", "Marco"};
    private static final String[] LAST = {"Abbott", "Berg", "Costa", "Dietz", "Evans", "Fischer", "Garcia", "Hansen",
            "Ito", "Jensen", "Khan", "Larsen", "Moreau", "Novak", "Olsen", "Perez", "Quist", "Rossi", "Silva", "Tanaka",
            "Ueda", "Vogel", "Weber", "Xu", "Young", "Zimmer", "Martin", "Andersson", "Lopez", "Nakamura"};
    private static final PresenceState[] STATES = {PresenceState.AVAILABLE, PresenceState.BUSY, PresenceState.AWAY,
            PresenceState.IN_A_MEETING, PresenceState.DO_NOT_DISTURB, PresenceState.BE_RIGHT_BACK};

    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: BenchServer DATA DOMAIN CONTACTS SMALL");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        String domain = args[1];
        int contacts = Integer.parseInt(args[2]);
        int small = Integer.parseInt(args[3]);
        long t0 = System.nanoTime();
        seed(data, domain, contacts, small);
        System.out.printf("seeded %d contacts in %.1f s%n", contacts, (System.nanoTime() - t0) / 1e9);
        ServerConfig config = ServerConfig.defaults(data).withBind("127.0.0.1").withPorts(0, 0).withDomain(domain);
        ParleyServer server = ParleyServer.start(config);
        Random random = new Random(7);
        for (int i = 0; i < contacts; i++) {
            publish(server, user(i), STATES[random.nextInt(STATES.length)]);
        }
        try (ServerSocket control = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            System.out.printf("ready tls=%d sip=%d control=%d%n", server.tlsPort(), server.sipPort(),
                    control.getLocalPort());
            System.out.flush();
            serve(control, server);
        } finally {
            server.close();
        }
        System.exit(0); // the SIP stack may leave a non-daemon thread behind
    }

    static String user(int i) {
        return String.format("c%05d", i);
    }

    private static void seed(Path data, String domain, int contacts, int small) throws Exception {
        try (Database db = Database.open(data, new SqliteDialect())) {
            UserRepository users = new UserRepository(db, Clock.systemUTC());
            for (int i = 0; i < contacts; i++) {
                String name = FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length]
                        + (i >= FIRST.length * LAST.length ? " " + (i / (FIRST.length * LAST.length) + 1) : "");
                users.add(new UserProfile(user(i), name, "Engineer", "Team " + (i % 20), null, null, null, null),
                        UserCredentials.fromPassword(user(i), domain, "pw-" + user(i)));
            }
            for (String owner : List.of("small", "large")) {
                users.add(new UserProfile(owner, "Bench " + owner, null, null, null, null, null, null),
                        UserCredentials.fromPassword(owner, domain, "pw-" + owner));
            }
            ContactLists lists = new ContactLists(db, new LocalDomain(domain, "127.0.0.1", java.util.Set.of(), 5060, -1));
            fill(db, lists, domain, "small", small, 10);
            fill(db, lists, domain, "large", contacts, 20);
        }
    }

    /** Adds COUNT contacts to OWNER: through the API up to its 500 cap, the rest straight into the database. */
    private static void fill(Database db, ContactLists lists, String domain, String owner, int count, int groups) {
        String[] ids = new String[groups];
        ContactList list = null;
        for (int g = 0; g < groups; g++) {
            list = lists.addGroup(owner, "Team " + g);
        }
        for (int g = 0; g < groups; g++) {
            String name = "Team " + g;
            ids[g] = list.groups().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow().id();
        }
        int viaApi = Math.min(count, ContactLists.MAX_CONTACTS);
        for (int i = 0; i < viaApi; i++) {
            lists.add(owner, "sip:" + user(i) + "@" + domain, ids[i % groups]);
        }
        if (count <= viaApi) {
            return;
        }
        db.write(c -> {
            long ownerId;
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM users WHERE username = ?")) {
                s.setString(1, owner);
                try (var rs = s.executeQuery()) {
                    rs.next();
                    ownerId = rs.getLong(1);
                }
            }
            try (PreparedStatement contact = c.prepareStatement("INSERT INTO contacts (owner_id, uri, kind, local_name)"
                    + " VALUES (?, ?, 'user', ?)", java.sql.Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement member = c.prepareStatement(
                         "INSERT INTO contact_group_members (contact_id, group_id) VALUES (?, ?)");
                 PreparedStatement version = c.prepareStatement(
                         "UPDATE contact_lists SET version = version + 1 WHERE owner_id = ?")) {
                for (int i = viaApi; i < count; i++) {
                    contact.setLong(1, ownerId);
                    contact.setString(2, "sip:" + user(i) + "@" + domain);
                    contact.setString(3, user(i));
                    contact.executeUpdate();
                    long id;
                    try (var keys = contact.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                    member.setLong(1, id);
                    member.setLong(2, Long.parseLong(ids[i % groups]));
                    member.executeUpdate();
                }
                version.setLong(1, ownerId);
                version.executeUpdate();
            }
            return null;
        });
    }

    private static void publish(ParleyServer server, String user, PresenceState state) {
        String entity = "sip:" + user + "@" + server.domain();
        PresenceInfo info = new PresenceInfo(null, state, null, null, null, List.of(DeviceKind.DESKTOP), null);
        server.presence().publish(user, new PidfCodec.Decoded(entity, info, null, true, DeviceKind.DESKTOP, "bench"),
                3600);
    }

    private static void serve(ServerSocket control, ParleyServer server) throws Exception {
        while (true) {
            try (Socket s = control.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    String[] w = line.trim().split("\\s+");
                    if (w[0].equals("quit")) {
                        out.println("bye");
                        return;
                    } else if (w[0].equals("storm") && w.length == 4) {
                        out.println(storm(server, Integer.parseInt(w[1]), Integer.parseInt(w[2]), Integer.parseInt(w[3])));
                    } else {
                        out.println("error: storm RATE SECONDS COUNT | quit");
                    }
                }
            }
        }
    }

    /** RATE presence changes a second for SECONDS (at most 60), round robin over the first COUNT contacts. */
    private static String storm(ParleyServer server, int rate, int seconds, int count) throws InterruptedException {
        long t0 = System.nanoTime();
        long end = t0 + Math.min(seconds, 60) * 1_000_000_000L;
        long sent = 0;
        long now;
        while ((now = System.nanoTime()) < end) {
            long due = (now - t0) * rate / 1_000_000_000L;
            while (sent < due) {
                int i = (int) (sent % count);
                publish(server, user(i), STATES[(int) ((sent / count + i) % STATES.length)]);
                sent++;
            }
            Thread.sleep(1);
        }
        return "done " + sent + " " + (System.nanoTime() - t0) / 1_000_000;
    }
}
