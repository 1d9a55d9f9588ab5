package org.parley.attendant;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code parley attendant} was started with: {@code --server HOST [--port N] [--transport udp|tcp|tls]
 * --user USER@DOMAIN --password-stdin [--data DIR]}. The sign-in screen is filled in with them; with a user and a
 * password it signs in at once.
 */
public record AttendantOptions(Path dataRoot, String server, Integer port, String transport, String address,
                               char[] password) {

    public static AttendantOptions defaults() {
        return new AttendantOptions(Path.of(System.getProperty("user.home"), ".parley", "attendant"), null, null, null,
                null, null);
    }

    /** Wrong arguments: the message is printed and the launcher exits 2. */
    public static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message + System.lineSeparator() + "Usage: parley attendant [--server HOST] [--port N]"
                    + " [--transport udp|tcp|tls] [--user USER@DOMAIN --password-stdin] [--data DIR]");
        }
    }

    /** Parses {@code args}; with {@code --password-stdin} one line is read from {@code stdin} (if not null). */
    public static AttendantOptions parse(List<String> args, BufferedReader stdin) {
        AttendantOptions d = defaults();
        Path data = d.dataRoot();
        String server = null;
        Integer port = null;
        String transport = null;
        String user = null;
        boolean readPassword = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--password-stdin")) {
                readPassword = true;
                continue;
            }
            if (!List.of("--data", "--server", "--port", "--transport", "--user").contains(a)) {
                throw new UsageException("unknown option: " + a);
            }
            if (i + 1 >= args.size()) {
                throw new UsageException(a + " needs a value");
            }
            String v = args.get(++i);
            switch (a) {
                case "--data" -> data = Path.of(v);
                case "--server" -> server = v;
                case "--port" -> {
                    try {
                        port = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        port = -1;
                    }
                    if (port < 1 || port > 65535) {
                        throw new UsageException("--port must be 1-65535, not " + v);
                    }
                }
                case "--transport" -> {
                    if (!v.matches("(?i)udp|tcp|tls")) {
                        throw new UsageException("--transport must be udp, tcp or tls, not " + v);
                    }
                    transport = v.toUpperCase(java.util.Locale.ROOT);
                }
                default -> {
                    if (!v.matches("[^@\\s]+@[^@\\s]+")) {
                        throw new UsageException("--user must look like user@domain, not '" + v + "'");
                    }
                    user = v;
                }
            }
        }
        char[] password = null;
        if (readPassword) {
            if (user == null) {
                throw new UsageException("--password-stdin needs --user");
            }
            if (stdin != null) {
                try {
                    String line = stdin.readLine();
                    if (line == null || line.isEmpty()) {
                        throw new UsageException("--password-stdin: stdin gave no password line");
                    }
                    password = line.toCharArray();
                } catch (IOException e) {
                    throw new UsageException("--password-stdin: cannot read stdin: " + e.getMessage());
                }
            }
        }
        return new AttendantOptions(data, server, port, transport, user, password);
    }

    /** Signs in at once: an address and a password were given. */
    public boolean signInNow() {
        return address != null && password != null;
    }

    public String user() {
        return address.substring(0, address.indexOf('@'));
    }

    public String domain() {
        return address.substring(address.indexOf('@') + 1);
    }
}
