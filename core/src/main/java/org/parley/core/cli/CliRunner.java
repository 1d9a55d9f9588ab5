package org.parley.core.cli;

import java.io.InputStream;
import java.io.PrintStream;
import org.parley.core.error.ParleyException;
import picocli.CommandLine;

/** Runs {@link CliCommand} with picocli: usage errors print one line on stderr and give 2; no stack traces. */
public final class CliRunner {
    private CliRunner() {
    }

    public static int run(String[] args, CliCommand.ClientFactory factory, InputStream in, PrintStream out, PrintStream err) {
        CommandLine cmd = new CommandLine(new CliCommand(factory, in, out));
        cmd.setOut(new java.io.PrintWriter(out, true));
        cmd.setErr(new java.io.PrintWriter(err, true));
        cmd.setParameterExceptionHandler((ex, a) -> {
            err.println("parley cli: " + ex.getMessage());
            return 2;
        });
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
            ParleyException p = CliSession.asParley(ex);
            err.println("parley cli: " + p.userMessage());
            return p.code().exitStatus();
        });
        return cmd.execute(args);
    }
}
