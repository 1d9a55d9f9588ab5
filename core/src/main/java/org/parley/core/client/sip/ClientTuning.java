package org.parley.core.client.sip;

import java.time.Duration;

/**
 * Timings of the SIP client engine, with product defaults; tests shorten them.
 *
 * @param registerExpires  registration length asked for (refreshed at 80 %)
 * @param publishExpires   publication length asked for
 * @param subscribeExpires subscription length asked for
 * @param requestTimeout   how long to wait for a final answer before calling the server unreachable
 * @param keepAlive        interval of OPTIONS keep-alives to the server (detects a lost server between refreshes)
 * @param backoffInitial   first wait before reconnecting (doubles per failure)
 * @param backoffMax       longest wait between reconnection attempts
 * @param idleCheck        how often the idle timers are evaluated
 * @param maxFileBytes     the largest file sent or accepted by file transfer
 * @param allowPlainRtp    whether calls may carry unencrypted RTP when the peer offers no SRTP (SRTP is always
 *                         offered; off by default, for policy-approved peers such as gateways and test phones)
 */
public record ClientTuning(Duration registerExpires, Duration publishExpires, Duration subscribeExpires,
                           Duration requestTimeout, Duration keepAlive, Duration backoffInitial, Duration backoffMax,
                           Duration idleCheck, long maxFileBytes, boolean allowPlainRtp) {

    /** 100 MiB. */
    public static final long DEFAULT_MAX_FILE_BYTES = 100L * 1024 * 1024;

    public static ClientTuning defaults() {
        return new ClientTuning(Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(5),
                DEFAULT_MAX_FILE_BYTES, false);
    }

    public ClientTuning withKeepAlive(Duration d) {
        return new ClientTuning(registerExpires, publishExpires, subscribeExpires, requestTimeout, d, backoffInitial,
                backoffMax, idleCheck, maxFileBytes, allowPlainRtp);
    }

    public ClientTuning withRequestTimeout(Duration d) {
        return new ClientTuning(registerExpires, publishExpires, subscribeExpires, d, keepAlive, backoffInitial,
                backoffMax, idleCheck, maxFileBytes, allowPlainRtp);
    }

    public ClientTuning withExpires(Duration register, Duration publish, Duration subscribe) {
        return new ClientTuning(register, publish, subscribe, requestTimeout, keepAlive, backoffInitial, backoffMax,
                idleCheck, maxFileBytes, allowPlainRtp);
    }

    public ClientTuning withBackoff(Duration initial, Duration max) {
        return new ClientTuning(registerExpires, publishExpires, subscribeExpires, requestTimeout, keepAlive, initial,
                max, idleCheck, maxFileBytes, allowPlainRtp);
    }

    public ClientTuning withMaxFileBytes(long max) {
        return new ClientTuning(registerExpires, publishExpires, subscribeExpires, requestTimeout, keepAlive,
                backoffInitial, backoffMax, idleCheck, max, allowPlainRtp);
    }

    public ClientTuning withPlainRtp(boolean allowed) {
        return new ClientTuning(registerExpires, publishExpires, subscribeExpires, requestTimeout, keepAlive,
                backoffInitial, backoffMax, idleCheck, maxFileBytes, allowed);
    }

    /** When to refresh something granted for {@code granted}: at 80 %, at least 1 s before expiry. */
    public static Duration refreshAfter(Duration granted) {
        long ms = granted.toMillis();
        return Duration.ofMillis(Math.max(500, Math.min(ms * 8 / 10, ms - 1000)));
    }
}
