package org.parley.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.parley.ui.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Communicator's command line ({@code ./parley client ...}) turned into {@link LaunchOptions}. {@link #parse(List)}
 * is pure (it never reads stdin), so the JavaFX application may parse its raw parameters again; {@link #parse(List,
 * BufferedReader)} also reads the password line when {@code --password-stdin} is given, which only {@link ClientMain}
 * does, once, before JavaFX starts.
 */
public final class ClientCommandLine {
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s:]+@[^@\\s:]+");

    private ClientCommandLine() {
    }

    /** Wrong arguments, or {@code --help}/{@code --version}: {@link #text()} is to be printed, then exit with {@link #exitCode()}. */
    public static final class Exit extends RuntimeException {
        private final int exitCode;

        Exit(int exitCode, String text) {
            super(text, null, false, false);
            this.exitCode = exitCode;
        }

        /** 0 for help and version, 2 for a usage error. */
        public int exitCode() {
            return exitCode;
        }

        public String text() {
            return getMessage();
        }
    }

    /** Parses without reading stdin: with {@code --password-stdin} the password stays null. */
    public static LaunchOptions parse(List<String> args) {
        return parse(args, null);
    }

    /**
     * Parses and, when {@code --password-stdin} is given and {@code stdin} is not null, reads one line from it as the
     * password (an empty or missing line is an error).
     *
     * @throws Exit for {@code --help}, {@code --version} and every wrong argument
     */
    public static LaunchOptions parse(List<String> args, BufferedReader stdin) {
        Spec spec = new Spec();
        CommandLine cl = new CommandLine(spec);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        try {
            cl.parseArgs(Objects.requireNonNull(args, "args").toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw Spec.usageError(e.getMessage());
        }
        if (cl.isUsageHelpRequested()) {
            throw new Exit(0, usage(cl));
        }
        if (cl.isVersionHelpRequested()) {
            throw new Exit(0, "Parley Communicator " + BuildInfo.load().version() + System.lineSeparator());
        }
        return spec.toOptions(stdin);
    }

    private static String usage(CommandLine cl) {
        StringWriter w = new StringWriter();
        cl.usage(new PrintWriter(w));
        return w.toString();
    }

    enum TransportName { UDP, TCP, TLS }

    @Command(name = "parley client", mixinStandardHelpOptions = true,
            description = "Run the Parley Communicator. With --user and --password-stdin it signs in at once.")
    static final class Spec {
        @Option(names = "--data", paramLabel = "DIR",
                description = "Client data directory: settings and per-account data (default: ~/.parley/client).")
        Path data;

        @Option(names = "--server", paramLabel = "HOST", description = "Server host to sign in to.")
        String server;

        @Option(names = "--port", paramLabel = "N", description = "Server port (default: 5061 for tls, else 5060).")
        Integer port;

        @Option(names = "--transport", paramLabel = "udp|tcp|tls", description = "SIP transport (default: tls).")
        TransportName transport;

        @Option(names = "--user", paramLabel = "USER@DOMAIN", description = "Sign-in address.")
        String user;

        @Option(names = "--password-stdin", description = "Read the password from the first line of stdin and sign in at once (needs --user).")
        boolean passwordStdin;

        LaunchOptions toOptions(BufferedReader stdin) {
            if (port != null && (port < 1 || port > 65535)) {
                throw usageError("--port must be 1-65535, not " + port);
            }
            if (server != null && (server.isBlank() || server.chars().anyMatch(Character::isWhitespace))) {
                throw usageError("--server must be a host name or address, not '" + server + "'");
            }
            if (user != null && !ADDRESS.matcher(user).matches()) {
                throw usageError("--user must look like user@domain, not '" + user + "'");
            }
            if (passwordStdin && user == null) {
                throw usageError("--password-stdin needs --user");
            }
            char[] password = passwordStdin && stdin != null ? readPassword(stdin) : null;
            Path root = data != null ? data.toAbsolutePath().normalize() : LaunchOptions.defaults().dataRoot();
            return new LaunchOptions(root, server, port, transport == null ? null : transport.name(),
                    user == null ? null : user.toLowerCase(Locale.ROOT), password);
        }

        private static char[] readPassword(BufferedReader stdin) {
            String line;
            try {
                line = stdin.readLine();
            } catch (IOException e) {
                throw usageError("--password-stdin: cannot read stdin: " + e.getMessage());
            }
            if (line == null || line.isEmpty()) {
                throw usageError("--password-stdin: stdin gave no password line");
            }
            return line.toCharArray();
        }

        private static Exit usageError(String message) {
            return new Exit(2, "parley client: " + message + System.lineSeparator()
                    + "Run 'parley client --help' for the options." + System.lineSeparator());
        }
    }
}
