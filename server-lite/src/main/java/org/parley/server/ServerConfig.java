package org.parley.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.parley.core.sip.DigestAlgorithm;
import org.parley.server.presence.CustomStates;

/**
 * Every server setting with its default. docs/configuration.md lists the same settings; keep the two in step.
 * Values come from defaults, then {@code server.properties} in the data directory, then command-line flags.
 *
 * @param dataDir            where the store, TLS material and recordings live ({@code ~/.parley/server})
 * @param domain             the SIP domain and digest realm ({@code parley.local})
 * @param bindAddress        address the listeners bind to ({@code 0.0.0.0}: all)
 * @param advertisedHost     host put in Via/Record-Route; null = the bind address, or the first non-loopback
 *                           IPv4 address when binding to all
 * @param sipPort            UDP and TCP port ({@code 5060}; 0 picks a free one)
 * @param tlsPort            TLS port ({@code 5061}; 0 picks a free one; -1 disables TLS)
 * @param minExpires         shortest registration accepted; shorter gets 423 ({@code 60 s})
 * @param maxExpires         longest registration granted; longer is cut to this ({@code 86400 s})
 * @param defaultExpires     registration length when the client gives none ({@code 3600 s})
 * @param nonceLifetime      how long a digest nonce is accepted before a {@code stale=true} challenge ({@code 300 s})
 * @param maxAuthFailures    failed authentications per user and source address within {@code authFailureWindow}
 *                           that lock the pair ({@code 5})
 * @param authFailureWindow  window for counting failures ({@code 60 s})
 * @param authLockout        how long a locked pair gets 403 ({@code 60 s})
 * @param digestAlgorithms   digest algorithms offered in challenges, most preferred first ({@code MD5}: stock
 *                           softphones such as Debian's baresip, and SIPp, fail when SHA-256 is offered, alone or
 *                           beside MD5; {@code SHA-256, MD5} per RFC 8760 for fleets that support it)
 * @param customStates       admin-defined presence states, {@code Label=availability;...} (none)
 * @param imMaxBytes         largest instant-message body accepted; larger gets 413 ({@code 16384})
 * @param imSessionMax       most participants in a multiparty IM session ({@code 100})
 * @param imDeliveryTimeout  how long the server waits for a recipient's device to accept a MESSAGE before it stores
 *                           the message and answers the sender 202 ({@code 10 s}; senders give up after 32 s)
 * @param organization       the company name on every local user's contact card (null: the domain)
 * @param gateway            SIP URI calls to telephone numbers that are no local user's go to, e.g.
 *                           {@code sip:gw.example.com:5080;transport=tcp} (null: none; such calls get 404)
 * @param voicemailMaxLength the longest voicemail message recorded; the call is hung up at this length ({@code 120 s})
 */
public record ServerConfig(Path dataDir, String domain, String bindAddress, String advertisedHost,
                           int sipPort, int tlsPort,
                           Duration minExpires, Duration maxExpires, Duration defaultExpires,
                           Duration nonceLifetime, int maxAuthFailures, Duration authFailureWindow,
                           Duration authLockout, List<DigestAlgorithm> digestAlgorithms,
                           String customStates, int imMaxBytes, int imSessionMax, Duration imDeliveryTimeout,
                           String organization, Duration voicemailMaxLength, String gateway) {

    public static final String DEFAULT_DOMAIN = "parley.local";

    public ServerConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        organization = organization == null || organization.isBlank() ? null : organization.trim();
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(bindAddress, "bindAddress");
        digestAlgorithms = List.copyOf(digestAlgorithms);
        if (digestAlgorithms.isEmpty()) {
            throw new IllegalArgumentException("at least one digest algorithm is needed");
        }
        customStates = customStates == null ? "" : customStates.trim();
        CustomStates.parse(customStates);
        if (imMaxBytes < 1 || imSessionMax < 2) {
            throw new IllegalArgumentException("im-max-bytes must be at least 1 and im-session-max at least 2");
        }
        Objects.requireNonNull(imDeliveryTimeout, "imDeliveryTimeout");
        gateway = gateway == null || gateway.isBlank() ? null : gateway.trim();
        if (gateway != null && !gateway.matches("(?i)sips?:[^\\s]+")) {
            throw new IllegalArgumentException("gateway must be a SIP URI such as sip:gw.example.com:5080, not '" + gateway + "'");
        }
        if (voicemailMaxLength == null || voicemailMaxLength.toSeconds() < 1) {
            throw new IllegalArgumentException("voicemail-max-seconds must be at least 1");
        }
    }

    public static ServerConfig defaults(Path dataDir) {
        return new ServerConfig(dataDir, DEFAULT_DOMAIN, "0.0.0.0", null, 5060, 5061,
                Duration.ofSeconds(60), Duration.ofSeconds(86400), Duration.ofSeconds(3600),
                Duration.ofSeconds(300), 5, Duration.ofSeconds(60), Duration.ofSeconds(60),
                List.of(DigestAlgorithm.MD5), "", 16384, 100, Duration.ofSeconds(10), null, Duration.ofSeconds(120), null);
    }

    public ServerConfig withDomain(String d) {
        return new ServerConfig(dataDir, d, bindAddress, advertisedHost, sipPort, tlsPort, minExpires, maxExpires,
                defaultExpires, nonceLifetime, maxAuthFailures, authFailureWindow, authLockout, digestAlgorithms, customStates,
                imMaxBytes, imSessionMax, imDeliveryTimeout, organization, voicemailMaxLength, gateway);
    }

    public ServerConfig withBind(String address) {
        return new ServerConfig(dataDir, domain, address, advertisedHost, sipPort, tlsPort, minExpires, maxExpires,
                defaultExpires, nonceLifetime, maxAuthFailures, authFailureWindow, authLockout, digestAlgorithms, customStates,
                imMaxBytes, imSessionMax, imDeliveryTimeout, organization, voicemailMaxLength, gateway);
    }

    public ServerConfig withPorts(int sip, int tls) {
        return new ServerConfig(dataDir, domain, bindAddress, advertisedHost, sip, tls, minExpires, maxExpires,
                defaultExpires, nonceLifetime, maxAuthFailures, authFailureWindow, authLockout, digestAlgorithms, customStates,
                imMaxBytes, imSessionMax, imDeliveryTimeout, organization, voicemailMaxLength, gateway);
    }

    public ServerConfig withNonceLifetime(Duration d) {
        return new ServerConfig(dataDir, domain, bindAddress, advertisedHost, sipPort, tlsPort, minExpires, maxExpires,
                defaultExpires, d, maxAuthFailures, authFailureWindow, authLockout, digestAlgorithms, customStates,
                imMaxBytes, imSessionMax, imDeliveryTimeout, organization, voicemailMaxLength, gateway);
    }

    public ServerConfig withAuthThrottle(int maxFailures, Duration window, Duration lockout) {
        return new ServerConfig(dataDir, domain, bindAddress, advertisedHost, sipPort, tlsPort, minExpires, maxExpires,
                defaultExpires, nonceLifetime, maxFailures, window, lockout, digestAlgorithms, customStates,
                imMaxBytes, imSessionMax, imDeliveryTimeout, organization, voicemailMaxLength, gateway);
    }

    public ServerConfig withDigestAlgorithms(List<DigestAlgorithm> algorithms) {
        return new ServerConfig(dataDir, domain, bindAddress, advertisedHost, sipPort, tlsPort, minExpires, maxExpires,
                defaultExpires, nonceLifetime, maxAuthFailures, authFailureWindow, authLockout, algorithms, customStates,
                imMaxBytes, imSessionMax, imDeliveryTimeout, organization, voicemailMaxLength, gateway);
    }

    /** @param states {@code Label=availability;...} (see {@link CustomStates#parse}); blank for none */
    public ServerConfig withCustomStates(String states) {
        return new ServerConfig(dataDir, domain, bindAddress, advertisedHost, sipPort, tlsPort, minExpires, maxExpires,
                defaultExpires, nonceLifetime, maxAuthFailures, authFailureWindow, authLockout, digestAlgorithms, states,
                imMaxBytes, imSessionMax, imDeliveryTimeout, organization, voicemailMaxLength, gateway);
    }

    public ServerConfig withImMaxBytes(int bytes) {
        return new ServerConfig(dataDir, domain, bindAddress, advertisedHost, sipPort, tlsPort, minExpires, maxExpires,
                defaultExpires, nonceLifetime, maxAuthFailures, authFailureWindow, authLockout, digestAlgorithms,
                customStates, bytes, imSessionMax, imDeliveryTimeout, organization, voicemailMaxLength, gateway);
    }

    public ServerConfig withImSessionMax(int participants) {
        return new ServerConfig(dataDir, domain, bindAddress, advertisedHost, sipPort, tlsPort, minExpires, maxExpires,
                defaultExpires, nonceLifetime, maxAuthFailures, authFailureWindow, authLockout, digestAlgorithms,
                customStates, imMaxBytes, participants, imDeliveryTimeout, organization, voicemailMaxLength, gateway);
    }

    public ServerConfig withImDeliveryTimeout(Duration timeout) {
        return new ServerConfig(dataDir, domain, bindAddress, advertisedHost, sipPort, tlsPort, minExpires, maxExpires,
                defaultExpires, nonceLifetime, maxAuthFailures, authFailureWindow, authLockout, digestAlgorithms,
                customStates, imMaxBytes, imSessionMax, timeout, organization, voicemailMaxLength, gateway);
    }

    public ServerConfig withVoicemailMaxLength(Duration max) {
        return new ServerConfig(dataDir, domain, bindAddress, advertisedHost, sipPort, tlsPort, minExpires, maxExpires,
                defaultExpires, nonceLifetime, maxAuthFailures, authFailureWindow, authLockout, digestAlgorithms,
                customStates, imMaxBytes, imSessionMax, imDeliveryTimeout, organization, max, gateway);
    }

    public boolean tlsEnabled() {
        return tlsPort >= 0;
    }

    /** The company name on contact cards (null: the domain). */
    public ServerConfig withOrganization(String name) {
        return new ServerConfig(dataDir, domain, bindAddress, advertisedHost, sipPort, tlsPort, minExpires, maxExpires,
                defaultExpires, nonceLifetime, maxAuthFailures, authFailureWindow, authLockout, digestAlgorithms, customStates,
                imMaxBytes, imSessionMax, imDeliveryTimeout, name, voicemailMaxLength, gateway);
    }

    /** @param uri the gateway for numbers no local user has (blank or null: none) */
    public ServerConfig withGateway(String uri) {
        return new ServerConfig(dataDir, domain, bindAddress, advertisedHost, sipPort, tlsPort, minExpires, maxExpires,
                defaultExpires, nonceLifetime, maxAuthFailures, authFailureWindow, authLockout, digestAlgorithms, customStates,
                imMaxBytes, imSessionMax, imDeliveryTimeout, organization, voicemailMaxLength, uri);
    }

    /** The organization shown on cards: the setting, else the domain. */
    public String organizationOrDomain() {
        return organization != null ? organization : domain;
    }
}
