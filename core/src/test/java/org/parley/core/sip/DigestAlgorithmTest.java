package org.parley.core.sip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestAlgorithmTest {

    @Test
    void md5ResponseMatchesRfc2617Example() {
        // RFC 2617 §3.5: user Mufasa, password "Circle Of Life", realm testrealm@host.com
        String ha1 = DigestAlgorithm.MD5.ha1("Mufasa", "testrealm@host.com", "Circle Of Life");
        String response = DigestAlgorithm.MD5.response(ha1, "GET", "/dir/index.html",
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth");
        assertThat(response).isEqualTo("6629fae49393a05397450978507c4ef1");
    }

    @Test
    void sha256ResponseMatchesRfc7616Example() {
        // RFC 7616 §3.9.1: the SHA-256 example
        String ha1 = DigestAlgorithm.SHA_256.ha1("Mufasa", "http-auth@example.org", "Circle of Life");
        String response = DigestAlgorithm.SHA_256.response(ha1, "GET", "/dir/index.html",
                "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "00000001",
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "auth");
        assertThat(response).isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
    }

    @Test
    void algorithmNameIsCaseInsensitiveAndDefaultsToMd5() {
        assertThat(DigestAlgorithm.fromSipName("sha-256")).contains(DigestAlgorithm.SHA_256);
        assertThat(DigestAlgorithm.fromSipName(null)).contains(DigestAlgorithm.MD5);
        assertThat(DigestAlgorithm.fromSipName("SHA-512-256")).isEmpty();
    }
}
