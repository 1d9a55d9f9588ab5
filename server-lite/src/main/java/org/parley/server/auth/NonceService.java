package org.parley.server.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless digest nonces: {@code base64url(issuedAtMillis | random | HMAC-SHA256(secret, issuedAt|random)[0..12])}.
 * A nonce this process did not issue is invalid; one older than the lifetime is stale (the client retries with
 * {@code stale=true} without asking the user). The secret is per process: after a restart old nonces become invalid
 * and clients are simply challenged again.
 */
public final class NonceService {
    public enum Check { VALID, STALE, INVALID }

    private static final int RANDOM_BYTES = 6;
    private static final int MAC_BYTES = 12;
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final long lifetimeMillis;
    private final ThreadLocal<Mac> macs;

    public NonceService(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetimeMillis = lifetime.toMillis();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public String issue() {
        ByteBuffer b = ByteBuffer.allocate(8 + RANDOM_BYTES + MAC_BYTES);
        b.putLong(clock.millis());
        byte[] r = new byte[RANDOM_BYTES];
        random.nextBytes(r);
        b.put(r);
        b.put(mac(b.array(), 8 + RANDOM_BYTES), 0, MAC_BYTES);
        return ENC.encodeToString(b.array());
    }

    public Check check(String nonce) {
        if (nonce == null) {
            return Check.INVALID;
        }
        byte[] raw;
        try {
            raw = DEC.decode(nonce);
        } catch (IllegalArgumentException e) {
            return Check.INVALID;
        }
        if (raw.length != 8 + RANDOM_BYTES + MAC_BYTES) {
            return Check.INVALID;
        }
        byte[] expected = mac(raw, 8 + RANDOM_BYTES);
        byte[] given = new byte[MAC_BYTES];
        System.arraycopy(raw, 8 + RANDOM_BYTES, given, 0, MAC_BYTES);
        byte[] want = new byte[MAC_BYTES];
        System.arraycopy(expected, 0, want, 0, MAC_BYTES);
        if (!MessageDigest.isEqual(given, want)) {
            return Check.INVALID;
        }
        long issued = ByteBuffer.wrap(raw).getLong();
        long age = clock.millis() - issued;
        return age < 0 || age > lifetimeMillis ? Check.STALE : Check.VALID;
    }

    private byte[] mac(byte[] data, int len) {
        Mac mac = macs.get();
        mac.update(data, 0, len);
        return mac.doFinal();
    }
}
