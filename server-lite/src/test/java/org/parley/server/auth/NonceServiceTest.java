package org.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parley.server.testsupport.MutableClock;

class NonceServiceTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final NonceService nonces = new NonceService(clock, Duration.ofSeconds(300));

    @Test
    void freshNonceIsValidAndUnique() {
        String a = nonces.issue();
        assertThat(nonces.check(a)).isEqualTo(NonceService.Check.VALID);
        assertThat(nonces.issue()).isNotEqualTo(a);
    }

    @Test
    void nonceOlderThanItsLifetimeIsStale() {
        String n = nonces.issue();
        clock.advance(Duration.ofSeconds(301));
        assertThat(nonces.check(n)).isEqualTo(NonceService.Check.STALE);
    }

    @Test
    void tamperedOrForeignNonceIsInvalid() {
        String n = nonces.issue();
        char last = n.charAt(n.length() - 1);
        String tampered = n.substring(0, n.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(nonces.check(tampered)).isEqualTo(NonceService.Check.INVALID);
        assertThat(new NonceService(clock, Duration.ofSeconds(300)).check(n))
                .as("another process (e.g. after a restart) does not accept it").isEqualTo(NonceService.Check.INVALID);
        assertThat(nonces.check("not base64 !")).isEqualTo(NonceService.Check.INVALID);
        assertThat(nonces.check(null)).isEqualTo(NonceService.Check.INVALID);
    }
}
