package org.parley.core.client;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.parley.core.client.ClientConfig.Transport;

/**
 * The account part of a sign-in form as typed (address, server, port, transport), its checks and the client
 * configuration it describes; shared by the Communicator's and the Attendant console's sign-in screens. Blank server:
 * the address's domain; blank port: the transport's default.
 */
public record AccountForm(String address, String server, String port, Transport transport) {
    private static final Pattern USER = Pattern.compile("[a-z0-9][a-z0-9._+-]{0,63}");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?|\\[[0-9a-f:.]+\\]");

    public AccountForm {
        address = address == null ? "" : address.trim();
        server = server == null ? "" : server.trim();
        port = port == null ? "" : port.trim();
    }

    /** What must still be filled in or fixed in the account part, "" when it is fine ({@code example}: an address). */
    public String problem(String example) {
        if (address.isEmpty()) {
            return "Enter your sign-in address (name@domain).";
        }
        if (parseAddress(address) == null) {
            return "The sign-in address must look like name@domain, e.g. " + example + ".";
        }
        if (!server.isEmpty() && !HOST.matcher(server.toLowerCase(Locale.ROOT)).matches()) {
            return "The server must be a host name or an IP address, without spaces or a port.";
        }
        if (!port.isEmpty() && parsePort(port) == 0) {
            return "The port must be a number from 1 to 65535, or blank for the transport's default.";
        }
        if (transport == null) {
            return "Choose a transport (TLS, TCP or UDP).";
        }
        return "";
    }

    /**
     * The configuration the form describes (only when {@link #problem} is empty); {@code dataDir} gives an account's
     * data directory from its user and domain.
     */
    public ClientConfig config(BiFunction<String, String, Path> dataDir) {
        String[] ud = parseAddress(address);
        String host = server.isEmpty() ? ud[1] : server;
        int portNumber = port.isEmpty() ? transport.defaultPort() : parsePort(port);
        return ClientConfig.of(host, portNumber, transport, ud[0], ud[1], dataDir.apply(ud[0], ud[1]));
    }

    /** {user, domain} of "user@domain" (a leading "sip:" is accepted), lower case, or null. */
    public static String[] parseAddress(String text) {
        String a = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (a.startsWith("sip:")) {
            a = a.substring(4);
        }
        int at = a.indexOf('@');
        if (at <= 0 || at != a.lastIndexOf('@') || at == a.length() - 1) {
            return null;
        }
        String user = a.substring(0, at);
        String domain = a.substring(at + 1);
        return USER.matcher(user).matches() && HOST.matcher(domain).matches() ? new String[]{user, domain} : null;
    }

    /** The port number, or 0 when it is not one from 1 to 65535. */
    public static int parsePort(String p) {
        try {
            int n = Integer.parseInt(p.trim());
            return n >= 1 && n <= 65535 ? n : 0;
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }
}
