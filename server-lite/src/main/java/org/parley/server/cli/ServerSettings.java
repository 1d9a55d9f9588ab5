package org.parley.server.cli;

import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.sip.DigestAlgorithm;
import org.parley.server.ServerConfig;

/**
 * Reads {@code server.properties} (keys as in docs/configuration.md) over the defaults. Unknown keys and bad
 * values are errors: a typo must not silently leave a default in place.
 */
final class ServerSettings {
    private static final Set<String> KEYS = Set.of("domain", "bind", "sip-port", "tls-port", "nonce-lifetime-seconds",
            "auth-max-failures", "auth-failure-window-seconds", "auth-lockout-seconds", "auth-algorithms",
            "presence-custom-states",
            "organization", "call-gateway",
            "im-max-bytes", "im-session-max", "im-delivery-timeout-seconds",
            "voicemail-max-seconds");

    private ServerSettings() {
    }

    static ServerConfig apply(ServerConfig c, Properties p) {
        for (String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new ParleyException(ErrorCode.CONFIGURATION, "unknown setting '" + key + "' in server.properties");
            }
        }
        if (p.containsKey("domain")) {
            c = c.withDomain(p.getProperty("domain").trim());
        }
        if (p.containsKey("bind")) {
            c = c.withBind(p.getProperty("bind").trim());
        }
        c = c.withPorts(integer(p, "sip-port", c.sipPort()), integer(p, "tls-port", c.tlsPort()));
        c = c.withNonceLifetime(Duration.ofSeconds(integer(p, "nonce-lifetime-seconds", (int) c.nonceLifetime().toSeconds())));
        c = c.withAuthThrottle(integer(p, "auth-max-failures", c.maxAuthFailures()),
                Duration.ofSeconds(integer(p, "auth-failure-window-seconds", (int) c.authFailureWindow().toSeconds())),
                Duration.ofSeconds(integer(p, "auth-lockout-seconds", (int) c.authLockout().toSeconds())));
        if (p.containsKey("auth-algorithms")) {
            java.util.List<DigestAlgorithm> algorithms = new java.util.ArrayList<>();
            for (String name : p.getProperty("auth-algorithms").split(",")) {
                algorithms.add(DigestAlgorithm.fromSipName(name.trim()).filter(a -> !name.isBlank()).orElseThrow(() ->
                        new ParleyException(ErrorCode.CONFIGURATION, "setting 'auth-algorithms': unknown algorithm '"
                                + name.trim() + "' (use SHA-256 and/or MD5)")));
            }
            c = c.withDigestAlgorithms(algorithms);
        }
        if (p.containsKey("organization")) {
            c = c.withOrganization(p.getProperty("organization"));
        }
        if (p.containsKey("call-gateway")) {
            try {
                c = c.withGateway(p.getProperty("call-gateway"));
            } catch (IllegalArgumentException e) {
                throw new ParleyException(ErrorCode.CONFIGURATION, "setting 'call-gateway': " + e.getMessage());
            }
        }
        if (p.containsKey("presence-custom-states")) {
            c = c.withCustomStates(p.getProperty("presence-custom-states"));
        }
        c = c.withImMaxBytes(atLeast(p, "im-max-bytes", c.imMaxBytes(), 1));
        c = c.withImSessionMax(atLeast(p, "im-session-max", c.imSessionMax(), 2));
        c = c.withImDeliveryTimeout(Duration.ofSeconds(atLeast(p, "im-delivery-timeout-seconds",
                (int) c.imDeliveryTimeout().toSeconds(), 1)));
        c = c.withVoicemailMaxLength(Duration.ofSeconds(atLeast(p, "voicemail-max-seconds",
                (int) c.voicemailMaxLength().toSeconds(), 1)));
        return c;
    }

    private static int atLeast(Properties p, String key, int fallback, int min) {
        int v = integer(p, key, fallback);
        if (v < min) {
            throw new ParleyException(ErrorCode.CONFIGURATION, "setting '" + key + "' must be at least " + min + ", not " + v);
        }
        return v;
    }

    private static int integer(Properties p, String key, int fallback) {
        String v = p.getProperty(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new ParleyException(ErrorCode.CONFIGURATION, "setting '" + key + "' must be a whole number, not '" + v + "'");
        }
    }
}
