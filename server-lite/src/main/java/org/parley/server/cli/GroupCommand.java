package org.parley.server.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.parley.server.contacts.DistributionGroups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code parley admin group}: distribution groups ({@code sip:NAME@domain}), searchable in the directory and
 * expandable by clients. A group's name follows the user-name rules and is never a user's name.
 */
@Command(name = "group", mixinStandardHelpOptions = true, description = "Add, list, remove distribution groups; change members.",
        subcommands = {GroupCommand.Member.class})
final class GroupCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    AdminCommand admin;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command (add, list, remove or member)");
    }

    <T> T withGroups(java.util.function.BiFunction<DistributionGroups, String, T> work) {
        return admin.withStore((db, domain) -> work.apply(new DistributionGroups(db, Clock.systemUTC()), domain));
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a distribution group.")
    int add(@Parameters(paramLabel = "NAME", description = "Group name (the user part of its SIP address).") String name,
            @Option(names = "--display-name", required = true, paramLabel = "TEXT") String displayName,
            @Option(names = "--member", paramLabel = "USER", description = "A member (repeat for more).") List<String> members) {
        String line = withGroups((groups, domain) -> {
            DistributionGroups.Group g = groups.add(name, displayName, members == null ? new ArrayList<>() : members);
            return String.format("added group %s (sip:%s@%s) with %d member(s)", g.name(), g.name(), domain, g.members().size());
        });
        spec.commandLine().getOut().println(line);
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List groups, one per line: name, display name, members (tab-separated; members comma-separated).")
    int list() {
        var out = spec.commandLine().getOut();
        withGroups((groups, d) -> {
            for (DistributionGroups.Group g : groups.list()) {
                out.printf("%s\t%s\t%s%n", g.name(), g.displayName(), String.join(",", g.members()));
            }
            return null;
        });
        return 0;
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a distribution group.")
    int remove(@Parameters(paramLabel = "NAME") String name) {
        withGroups((groups, d) -> {
            groups.remove(name);
            return null;
        });
        spec.commandLine().getOut().printf("removed group %s%n", name.trim().toLowerCase(java.util.Locale.ROOT));
        return 0;
    }

    @Command(name = "member", mixinStandardHelpOptions = true, description = "Add or remove a member of a group.")
    static final class Member implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @ParentCommand
        GroupCommand group;

        @Override
        public void run() {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command (add or remove)");
        }

        @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user to a group.")
        int add(@Parameters(index = "0", paramLabel = "GROUP") String name, @Parameters(index = "1", paramLabel = "USER") String user) {
            group.withGroups((groups, d) -> {
                groups.addMember(name, user);
                return null;
            });
            spec.commandLine().getOut().printf("added %s to group %s%n", user, name);
            return 0;
        }

        @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user from a group.")
        int remove(@Parameters(index = "0", paramLabel = "GROUP") String name, @Parameters(index = "1", paramLabel = "USER") String user) {
            group.withGroups((groups, d) -> {
                groups.removeMember(name, user);
                return null;
            });
            spec.commandLine().getOut().printf("removed %s from group %s%n", user, name);
            return 0;
        }
    }
}
