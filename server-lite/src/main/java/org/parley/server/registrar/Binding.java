package org.parley.server.registrar;

/**
 * One registered contact of an address of record (RFC 3261 §10), with where the REGISTER really came from
 * (transport, source address and port), which is where requests for the contact are sent.
 *
 * @param aor        the user name (the address of record's user part in our domain)
 * @param contactUri the Contact URI as text; also the key for routing
 * @param contactText the whole Contact value to echo in responses
 */
public record Binding(String aor, String contactUri, String contactText, String callId, long cseq, long expiresAt,
                      float q, String transport, String sourceHost, int sourcePort, String userAgent) {

    public long secondsLeft(long nowMillis) {
        return Math.max(0, (expiresAt - nowMillis + 999) / 1000);
    }
}
