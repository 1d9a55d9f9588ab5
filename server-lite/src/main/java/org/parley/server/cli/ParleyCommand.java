package org.parley.server.cli;

import java.io.PrintWriter;
import org.parley.core.error.ParleyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code parley server|admin|demo}: the server-side command line. */
@Command(name = "parley", mixinStandardHelpOptions = true, versionProvider = ParleyCommand.Version.class,
        description = "Parley server-lite: a small-office SIP server.",
        subcommands = {ServerCommand.class, AdminCommand.class, DemoCommand.class})
public final class ParleyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (server, admin or demo)");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line; returns the exit status (0 ok, 2 usage error, other codes per ErrorCode). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new ParleyCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            String name = ex.getCommandLine().getCommandName();
            String path = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println(path + ": " + ex.getMessage() + " (see '" + path + " --help')");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            if (ex instanceof ParleyException pe) {
                err.println(c.getCommandSpec().qualifiedName() + ": " + pe.userMessage());
                return pe.code().exitStatus();
            }
            throw ex;
        });
        return cl.execute(args);
    }

    /** Version from the jar manifest, or "dev". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ParleyCommand.class.getPackage().getImplementationVersion();
            return new String[] {"parley " + (v == null ? "dev" : v)};
        }
    }
}
