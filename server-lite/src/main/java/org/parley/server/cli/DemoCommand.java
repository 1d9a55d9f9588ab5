package org.parley.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.ContactList;
import org.parley.server.ParleyServer;
import org.parley.server.ServerConfig;
import org.parley.server.contacts.ContactLists;
import org.parley.server.reception.ReceptionStore;
import org.parley.server.transport.LocalDomain;
import org.parley.server.store.Database;
import org.parley.server.store.SqliteDialect;
import org.parley.server.users.UserCredentials;
import org.parley.server.users.UserProfile;
import org.parley.server.users.UserRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley demo}: seeds a demo organisation (once) and runs the server on it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Seed a demo organisation (first run only; passwords are printed once) and run the server.")
public final class DemoCommand implements Callable<Integer> {
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: ${DEFAULT-VALUE}).",
            defaultValue = "${sys:user.home}/.parley/demo")
    Path dataDir;

    @Mixin
    ServerFlags server = new ServerFlags();

    @Option(names = "--no-client", description = "Do not open a Communicator (by default one opens, signed in as "
            + DemoCommunicator.USER + ", when there is a display).")
    boolean noClient;

    @Option(names = "--no-attendant", description = "Do not open an Attendant console (by default one opens, signed in"
            + " as the receptionist " + DemoCommunicator.ATTENDANT_USER + ", when there is a display; --no-client"
            + " opens neither).")
    boolean noAttendant;

    /** Where the launcher and the display are found (the process environment; tests pass their own). */
    Map<String, String> env = System.getenv();
    String osName = System.getProperty("os.name", "");

    /** The demo office: user, name, title, department, work phone, mobile phone. */
    static final List<String[]> PEOPLE = List.of(
            new String[] {"alice", "Alice Archer", "Managing Director", "Management", "+44 20 7946 0101", "+44 7700 900101"},
            new String[] {"bob", "Bob Baker", "Sales Manager", "Sales", "+44 20 7946 0102", "+44 7700 900102"},
            new String[] {"carol", "Carol Chen", "Receptionist", "Front Office", "+44 20 7946 0100", "+44 7700 900103"},
            new String[] {"dave", "Dave Dunn", "Account Executive", "Sales", "+44 20 7946 0104", "+44 7700 900104"},
            new String[] {"erin", "Erin Evans", "Executive Assistant", "Management", "+44 20 7946 0105", "+44 7700 900105"},
            new String[] {"frank", "Frank Foster", "IT Administrator", "IT", "+44 20 7946 0106", "+44 7700 900106"},
            new String[] {"grace", "Grace Green", "Finance Director", "Finance", "+44 20 7946 0107", "+44 7700 900107"},
            new String[] {"heidi", "Heidi Hall", "Accountant", "Finance", "+44 20 7946 0108", "+44 7700 900108"},
            new String[] {"ivan", "Ivan Ito", "Support Engineer", "Support", "+44 20 7946 0109", "+44 7700 900109"},
            new String[] {"judy", "Judy Jones", "Support Lead", "Support", "+44 20 7946 0110", "+44 7700 900110"},
            new String[] {"mallory", "Mallory Moss", "Marketing Manager", "Marketing", "+44 20 7946 0111", "+44 7700 900111"},
            new String[] {"oscar", "Oscar Ortiz", "Office Manager", "Front Office", "+44 20 7946 0112", "+44 7700 900112"});

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = server.resolve(dataDir, spec);
        // the demo office's own name and custom states, unless its server.properties says otherwise
        if (config.organization() == null) {
            config = config.withOrganization("Parley Demo Office");
        }
        if (config.customStates().isEmpty()) {
            config = config.withCustomStates("Working from home=available;Out to lunch=away;Visiting a customer=busy");
        }
        seed(config);
        ServerConfig seeded = config;
        return ServerCommand.run(config, spec.commandLine().getOut(), running -> openCommunicator(running, seeded));
    }

    /** Opens the demo Communicator and Attendant console beside the running server, unless told not to. */
    void openCommunicator(ParleyServer running, ServerConfig config) {
        PrintWriter out = spec.commandLine().getOut();
        Optional<String> skip = DemoCommunicator.reasonToSkip(noClient, osName, env);
        if (skip.isPresent()) {
            out.printf("not opening a Communicator or an Attendant console: %s%n", skip.get());
            out.flush();
            return;
        }
        open(DemoCommunicator.App.COMMUNICATOR, running, config);
        if (noAttendant) {
            out.println("not opening an Attendant console: --no-attendant");
            out.flush();
        } else {
            open(DemoCommunicator.App.ATTENDANT, running, config);
        }
    }

    private void open(DemoCommunicator.App app, ParleyServer running, ServerConfig config) {
        PrintWriter out = spec.commandLine().getOut();
        try {
            char[] password = appPassword(app, running, config).toCharArray();
            boolean tls = running.tlsPort() > 0;
            String host = config.bindAddress() == null || config.bindAddress().equals("0.0.0.0")
                    || config.bindAddress().equals("::") ? "127.0.0.1" : config.bindAddress();
            List<String> cmd = DemoCommunicator.command(app, DemoCommunicator.requireLauncher(env), host,
                    tls ? running.tlsPort() : running.sipPort(), tls ? "tls" : "tcp", running.domain(), config.dataDir());
            DemoCommunicator.start(app, cmd, config.dataDir(), password, out);
            java.util.Arrays.fill(password, ' ');
        } catch (IOException | RuntimeException e) {
            out.printf("cannot open %s: %s (the server keeps running)%n", app.title, e.getMessage());
            out.flush();
        }
    }

    /** The app user's password; a demo seeded before it was kept gets a fresh one (printed once). */
    private String appPassword(DemoCommunicator.App app, ParleyServer running, ServerConfig config) throws IOException {
        Optional<String> saved = DemoCommunicator.savedPassword(app, config.dataDir());
        if (saved.isPresent()) {
            return saved.get();
        }
        UserRepository users = running.users();
        if (!users.exists(app.user)) {
            throw new IOException("the demo user " + app.user + " no longer exists");
        }
        String password = password(new SecureRandom());
        users.setCredentials(UserCredentials.fromPassword(app.user, config.domain(), password));
        DemoCommunicator.replacePassword(app, config.dataDir(), password);
        spec.commandLine().getOut().printf("%s signs in as %s, whose password is now %s%n",
                app.title.substring(app.title.indexOf(' ') + 1), app.user, password);
        return password;
    }

    private void seed(ServerConfig config) {
        var out = spec.commandLine().getOut();
        try (Database db = Database.open(config.dataDir(), new SqliteDialect())) {
            UserRepository users = new UserRepository(db, Clock.systemUTC());
            if (!users.list().isEmpty()) {
                out.printf("demo organisation already in %s (reset a password: ./parley admin --data %s user passwd NAME --password-stdin)%n",
                        config.dataDir(), config.dataDir());
                return;
            }
            SecureRandom random = new SecureRandom();
            out.printf("seeding the demo organisation in %s; passwords are shown this once:%n", config.dataDir());
            for (String[] p : PEOPLE) {
                String password = password(random);
                users.add(new UserProfile(p[0], p[1], p[2], p[3], p[0] + "@" + config.domain(), p[4], p[5], null),
                        UserCredentials.fromPassword(p[0], config.domain(), password));
                out.printf("  %-28s %-14s %-20s password %s%n", "sip:" + p[0] + "@" + config.domain(), p[1], p[2], password);
                for (DemoCommunicator.App app : DemoCommunicator.App.values()) {
                    if (p[0].equals(app.user)) {
                        keepPassword(app, config.dataDir(), password);
                    }
                }
            }
            seedContactLists(db, config.domain());
            out.println("every demo user has the others in their contact list: their department in \"My team\""
                    + " (access level Team), the rest in \"Office\" (the default, Company)");
            new ReceptionStore(db).setAttendants(List.of(DemoCommunicator.ATTENDANT_USER));
            out.printf("the reception line sip:reception@%s rings the receptionist %s%n", config.domain(),
                    DemoCommunicator.ATTENDANT_USER);
        }
        out.flush();
    }

    private static void keepPassword(DemoCommunicator.App app, Path dataDir, String password) {
        try {
            DemoCommunicator.replacePassword(app, dataDir, password);
        } catch (IOException e) {
            throw new org.parley.core.error.ParleyException(org.parley.core.error.ErrorCode.STORAGE_FAILURE,
                    "cannot keep the demo " + app.user + "'s password in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static void seedContactLists(Database db, String domain) {
        ContactLists lists = new ContactLists(db, new LocalDomain(domain, "127.0.0.1", java.util.Set.of(), 5060, -1));
        for (String[] p : PEOPLE) {
            String team = groupId(lists.addGroup(p[0], "My team"), "My team");
            lists.setGroupLevel(p[0], team, AccessLevel.TEAM);
            String office = groupId(lists.addGroup(p[0], "Office"), "Office");
            for (String[] q : PEOPLE) {
                if (q != p) {
                    lists.add(p[0], "sip:" + q[0] + "@" + domain, q[3].equals(p[3]) ? team : office);
                }
            }
        }
    }

    private static String groupId(ContactList list, String name) {
        return list.groups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow().id();
    }

    private static String password(SecureRandom random) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
