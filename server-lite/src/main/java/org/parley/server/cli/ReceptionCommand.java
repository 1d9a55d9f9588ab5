package org.parley.server.cli;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parley.server.reception.ReceptionSettings;
import org.parley.server.reception.ReceptionStore;
import org.parley.server.users.UserRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code parley admin reception}: the reception line's attendant group and settings (docs/configuration.md,
 * "Reception line"). A running server picks changes up within a second.
 */
@Command(name = "reception", mixinStandardHelpOptions = true,
        description = "Show or change the reception line: its attendants and settings.")
final class ReceptionCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    AdminCommand admin;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command (show, set-attendants or set)");
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print the address, the attendants and every setting (name=value; defaults included).")
    int show() {
        var out = spec.commandLine().getOut();
        admin.withStore((db, domain) -> {
            ReceptionStore store = new ReceptionStore(db);
            Map<String, String> all = new TreeMap<>(ReceptionSettings.DEFAULTS);
            all.putAll(store.rawSettings());
            out.printf("address=sip:%s@%s%n", all.get(ReceptionSettings.ADDRESS), domain);
            out.printf("attendants=%s%n", String.join(",", store.attendants()));
            all.forEach((k, v) -> out.printf("%s=%s%n", k, v));
            return null;
        });
        return 0;
    }

    @Command(name = "set-attendants", mixinStandardHelpOptions = true,
            description = "Replace the attendant group (in this order; none clears it). Each must be a user.")
    int setAttendants(@Parameters(paramLabel = "USER", arity = "0..*") List<String> users) {
        List<String> given = users == null ? List.of() : users;
        String error = admin.withStore((db, domain) -> {
            UserRepository repo = new UserRepository(db, java.time.Clock.systemUTC());
            for (String u : given) {
                if (!repo.exists(u.strip().toLowerCase(java.util.Locale.ROOT))) {
                    return "no such user: " + u;
                }
            }
            new ReceptionStore(db).setAttendants(given);
            return null;
        });
        if (error != null) {
            spec.commandLine().getErr().println(error);
            return 1;
        }
        spec.commandLine().getOut().println("attendants: " + String.join(",", given));
        return 0;
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Change one setting: address, distribution (longest-idle|in-order|all), overflow-seconds, "
                    + "overflow-target (voicemail:USER|user:USER|empty), repeat-minutes, music (WAV path|empty).")
    int set(@Parameters(paramLabel = "NAME") String name, @Parameters(paramLabel = "VALUE", arity = "0..1") String value) {
        try {
            admin.withStore((db, domain) -> {
                new ReceptionStore(db).set(name, value == null ? "" : value);
                return null;
            });
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        spec.commandLine().getOut().printf("%s=%s%n", name, value == null ? "" : value);
        return 0;
    }
}
