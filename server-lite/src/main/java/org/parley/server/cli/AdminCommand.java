package org.parley.server.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.server.ServerConfig;
import org.parley.server.contacts.DistributionGroups;
import org.parley.server.store.Database;
import org.parley.server.store.ServerSettingsRepository;
import org.parley.server.store.SqliteDialect;
import org.parley.server.users.UserCredentials;
import org.parley.server.users.UserProfile;
import org.parley.server.users.UserRepository;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parley admin}: user management on a data directory; safe while the server runs (SQLite WAL). */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Manage a server's users and distribution groups.",
        subcommands = {AdminCommand.User.class, GroupCommand.class, CdrCommand.class, ReceptionCommand.class})
public final class AdminCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DataDirOption data = new DataDirOption();

    @Option(names = "--domain", paramLabel = "D",
            description = "Realm for new passwords (default: the domain the server runs with).")
    String domain;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command (user or group)");
    }

    <T> T withUsers(java.util.function.BiFunction<UserRepository, String, T> work) {
        try (Database db = Database.open(data.dataDir, new SqliteDialect())) {
            String realm = domain != null ? domain : realmOf(db);
            return work.apply(new UserRepository(db, Clock.systemUTC()), realm);
        }
    }

    /** Runs work on the store with its domain (the realm, also the host of group addresses). */
    <T> T withStore(java.util.function.BiFunction<Database, String, T> work) {
        try (Database db = Database.open(data.dataDir, new SqliteDialect())) {
            return work.apply(db, domain != null ? domain : realmOf(db));
        }
    }

    private String realmOf(Database db) {
        String fromFile = ServerCommand.readProperties(data.dataDir.resolve("server.properties")).getProperty("domain");
        if (fromFile != null) {
            return fromFile.trim();
        }
        return new ServerSettingsRepository(db).get(ServerSettingsRepository.DOMAIN).orElse(ServerConfig.DEFAULT_DOMAIN);
    }

    /** The password options: exactly one of them. */
    static final class PasswordSource {
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean stdin;

        @Option(names = "--password", paramLabel = "P", description = "The password (visible to other local users; prefer --password-stdin).")
        String password;

        String read() {
            String p = password;
            if (stdin) {
                try {
                    p = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                } catch (IOException e) {
                    throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "cannot read the password from standard input");
                }
            }
            if (p == null || p.isEmpty()) {
                throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "the password is empty");
            }
            return p;
        }
    }

    @Command(name = "user", mixinStandardHelpOptions = true, description = "Add, list, remove users; set passwords.")
    static final class User implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @ParentCommand
        AdminCommand admin;

        @Override
        public void run() {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command (add, list, remove or passwd)");
        }

        @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user.")
        int add(@Parameters(paramLabel = "NAME", description = "User name (the user part of the SIP address).") String name,
                @Option(names = "--display-name", required = true, paramLabel = "TEXT") String displayName,
                @Option(names = "--title") String title,
                @Option(names = "--department") String department,
                @Option(names = "--email") String email,
                @Option(names = "--work-phone") String workPhone,
                @Option(names = "--mobile-phone") String mobilePhone,
                @Option(names = "--home-phone") String homePhone,
                @ArgGroup(exclusive = true, multiplicity = "1") PasswordSource password) {
            UserProfile profile = new UserProfile(name, displayName, title, department, email, workPhone, mobilePhone, homePhone);
            String secret = password.read();
            String realm = admin.withStore((db, r) -> {
                if (new DistributionGroups(db, Clock.systemUTC()).exists(profile.username())) {
                    throw new ParleyException(ErrorCode.ALREADY_EXISTS,
                            "'" + profile.username() + "' is a distribution group's name: a user needs another one");
                }
                new UserRepository(db, Clock.systemUTC()).add(profile, UserCredentials.fromPassword(profile.username(), r, secret));
                return r;
            });
            spec.commandLine().getOut().printf("added %s (sip:%s@%s)%n", profile.username(), profile.username(), realm);
            return 0;
        }

        @Command(name = "list", mixinStandardHelpOptions = true, description = "List users, one per line (tab-separated).")
        int list() {
            var out = spec.commandLine().getOut();
            admin.withUsers((users, r) -> {
                for (UserProfile p : users.list()) {
                    out.printf("%s\t%s\t%s\t%s\t%s%n", p.username(), p.displayName(), nz(p.title()), nz(p.department()), nz(p.email()));
                }
                return null;
            });
            return 0;
        }

        @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user and their registrations.")
        int remove(@Parameters(paramLabel = "NAME") String name) {
            String u = UserProfile.normalizeUsername(name);
            admin.withUsers((users, r) -> {
                users.remove(u);
                return null;
            });
            spec.commandLine().getOut().printf("removed %s%n", u);
            return 0;
        }

        @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Set a user's password.")
        int passwd(@Parameters(paramLabel = "NAME") String name,
                   @ArgGroup(exclusive = true, multiplicity = "1") PasswordSource password) {
            String u = UserProfile.normalizeUsername(name);
            String secret = password.read();
            admin.withUsers((users, r) -> {
                users.setCredentials(UserCredentials.fromPassword(u, r, secret));
                return null;
            });
            spec.commandLine().getOut().printf("password set for %s%n", u);
            return 0;
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }
}
