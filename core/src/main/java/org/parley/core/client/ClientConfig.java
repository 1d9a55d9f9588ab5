package org.parley.core.client;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a client signs in and where it keeps its local data.
 *
 * @param serverHost   host name or address of the Parley server
 * @param serverPort   its port for the transport (5060 udp/tcp, 5061 tls by default)
 * @param transport    udp, tcp or tls
 * @param username     the user name (user part of the AOR)
 * @param domain       the SIP domain (the AOR's host and the digest realm)
 * @param dataDir      local store: history database and pinned server certificates
 * @param inactiveAfter idle time after which the client publishes Inactive (default 5 min)
 * @param awayAfter     idle time after which it publishes Away (default 15 min)
 * @param device        the kind of device this client runs on
 * @param userAgent     the User-Agent header value
 */
public record ClientConfig(String serverHost, int serverPort, Transport transport, String username, String domain,
                           Path dataDir, Duration inactiveAfter, Duration awayAfter,
                           org.parley.core.model.DeviceKind device, String userAgent) {

    public enum Transport {
        UDP, TCP, TLS;

        public int defaultPort() {
            return this == TLS ? 5061 : 5060;
        }

        /** The transport named {@code name} (any case, blanks around ignored), or {@code fallback} for null or another word. */
        public static Transport parseOr(String name, Transport fallback) {
            if (name != null) {
                for (Transport t : values()) {
                    if (t.name().equalsIgnoreCase(name.trim())) {
                        return t;
                    }
                }
            }
            return fallback;
        }
    }

    public static ClientConfig of(String serverHost, int serverPort, Transport transport, String username, String domain,
                                  Path dataDir) {
        return new ClientConfig(serverHost, serverPort, transport, username, domain, dataDir, Duration.ofMinutes(5),
                Duration.ofMinutes(15), org.parley.core.model.DeviceKind.DESKTOP, "Parley");
    }

    public ClientConfig withIdle(Duration inactive, Duration away) {
        return new ClientConfig(serverHost, serverPort, transport, username, domain, dataDir, inactive, away, device, userAgent);
    }

    public ClientConfig withDevice(org.parley.core.model.DeviceKind kind, String agent) {
        return new ClientConfig(serverHost, serverPort, transport, username, domain, dataDir, inactiveAfter, awayAfter, kind, agent);
    }

    /** The user's address of record, e.g. {@code sip:alice@parley.local}. */
    public String aor() {
        return "sip:" + username + "@" + domain;
    }
}
