package org.parley.core.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinStoreTest {
    @TempDir
    Path dir;

    @Test
    void firstFingerprintIsPinnedThenOnlyItMatchesAndPinsSurviveANewStoreInstance() {
        PinStore store = new PinStore(dir);
        String key = PinStore.key("Server.Example", 5061);
        assertThat(store.check(key, "aa11")).isEqualTo(PinStore.Verdict.PINNED_NOW);
        assertThat(store.check(key, "AA11")).isEqualTo(PinStore.Verdict.MATCHES);
        assertThat(new PinStore(dir).check(key, "bb22")).isEqualTo(PinStore.Verdict.MISMATCH);
        assertThat(new PinStore(dir).pinned("server.example:5061")).contains("aa11");
    }

    @Test
    void pinsArePerHostAndPort() {
        PinStore store = new PinStore(dir);
        store.check(PinStore.key("h", 5061), "aa");
        assertThat(store.check(PinStore.key("h", 5062), "bb")).isEqualTo(PinStore.Verdict.PINNED_NOW);
        store.forget(PinStore.key("h", 5061));
        assertThat(store.check(PinStore.key("h", 5061), "cc")).isEqualTo(PinStore.Verdict.PINNED_NOW);
    }

    @Test
    void trustManagerRefusesAChangedCertificateAndRemembersTheMismatch() throws Exception {
        java.security.cert.X509Certificate a = TestCertificates.selfSigned("CN=a");
        java.security.cert.X509Certificate b = TestCertificates.selfSigned("CN=b");
        PinningTrustManager tm = new PinningTrustManager(new PinStore(dir), "127.0.0.1", 5061);
        tm.checkServerTrusted(new java.security.cert.X509Certificate[] {a}, "RSA");
        tm.checkServerTrusted(new java.security.cert.X509Certificate[] {a}, "RSA");
        assertThat(tm.mismatchSeen()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                tm.checkServerTrusted(new java.security.cert.X509Certificate[] {b}, "RSA"))
                .isInstanceOf(java.security.cert.CertificateException.class);
        assertThat(tm.mismatchSeen()).isTrue();
    }
}
