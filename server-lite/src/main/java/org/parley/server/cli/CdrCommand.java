package org.parley.server.cli;

import org.parley.server.cdr.CallDetails;
import org.parley.server.cdr.CallRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parley admin cdr list}: the server's call detail records, newest first. */
@Command(name = "cdr", mixinStandardHelpOptions = true, description = "Show call detail records.")
final class CdrCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    AdminCommand admin;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command (list)");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List calls, newest first, one per line"
            + " (tab-separated): started, caller, callee, outcome, SIP status, forwarding reason, routed to, answered,"
            + " ended; '-' for none. Times are UTC (ISO 8601).")
    int list(@Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N calls (default 50).") int limit) {
        if (limit < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        var out = spec.commandLine().getOut();
        admin.withStore((db, domain) -> {
            for (CallRecord r : CallDetails.list(db, limit)) {
                out.printf("%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s%n", r.started(), r.caller(), r.callee(), r.outcome(), r.status(),
                        orDash(r.forwardingReason()), orDash(r.routedTo()), orDash(r.answered()), orDash(r.ended()));
            }
            return null;
        });
        return 0;
    }

    private static String orDash(Object o) {
        return o == null ? "-" : o.toString();
    }
}
