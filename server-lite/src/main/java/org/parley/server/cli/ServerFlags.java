package org.parley.server.cli;

import java.nio.file.Path;
import org.parley.server.ServerConfig;
import picocli.CommandLine.Option;

/** The listening options shared by {@code server} and {@code demo}; resolved over server.properties and defaults. */
final class ServerFlags {
    @Option(names = "--domain", paramLabel = "D", description = "SIP domain and realm (default: 'domain' in DIR/server.properties, else parley.local).")
    String domain;

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on (default: 0.0.0.0, all).")
    String bind;

    @Option(names = "--sip-port", paramLabel = "N", description = "UDP and TCP port (default: 5060; 0 picks a free one).")
    Integer sipPort;

    @Option(names = "--tls-port", paramLabel = "N", description = "TLS port (default: 5061; 0 picks a free one; -1 turns TLS off).")
    Integer tlsPort;

    ServerConfig resolve(Path dataDir, picocli.CommandLine.Model.CommandSpec commandSpec) {
        ServerConfig c = ServerSettings.apply(ServerConfig.defaults(dataDir), ServerCommand.readProperties(dataDir.resolve("server.properties")));
        if (domain != null) {
            c = c.withDomain(domain);
        }
        if (bind != null) {
            c = c.withBind(bind);
        }
        int sip = sipPort != null ? sipPort : c.sipPort();
        int tls = tlsPort != null ? tlsPort : c.tlsPort();
        checkPort(commandSpec, "--sip-port", sip, false);
        checkPort(commandSpec, "--tls-port", tls, true);
        return c.withPorts(sip, tls);
    }

    private static void checkPort(picocli.CommandLine.Model.CommandSpec commandSpec, String name, int port, boolean mayDisable) {
        if (port > 65535 || port < (mayDisable ? -1 : 0)) {
            throw new picocli.CommandLine.ParameterException(commandSpec.commandLine(),
                    name + " must be 0-65535" + (mayDisable ? " or -1" : "") + ", not " + port);
        }
    }

}
