package org.parley.core.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestClientTest {
    private static DigestClient.Challenge challenge(String algorithm, boolean proxy) {
        return new DigestClient.Challenge("parley.test", "abc123", algorithm, "auth", null, false, proxy);
    }

    @Test
    void answerWithQopAuthMatchesTheRfc2617Formula() {
        String value = DigestClient.answer(challenge("MD5", false), "REGISTER", "sip:parley.test", "alice", "pw-alice",
                "0a4f113b", 1);
        String ha1 = DigestAlgorithm.MD5.ha1("alice", "parley.test", "pw-alice");
        String expected = DigestAlgorithm.MD5.response(ha1, "REGISTER", "sip:parley.test", "abc123", "00000001",
                "0a4f113b", "auth");
        assertThat(value).startsWith("Digest username=\"alice\"").contains("response=\"" + expected + "\"")
                .contains("qop=auth").contains("nc=00000001").contains("cnonce=\"0a4f113b\"").contains("algorithm=MD5");
    }

    @Test
    void answerWithoutQopOmitsNonceCountAndCnonce() {
        var c = new DigestClient.Challenge("parley.test", "n", null, null, "op", false, true);
        String value = DigestClient.answer(c, "MESSAGE", "sip:bob@parley.test", "alice", "pw", "x", 1);
        String ha1 = DigestAlgorithm.MD5.ha1("alice", "parley.test", "pw");
        assertThat(value).contains("response=\"" + DigestAlgorithm.MD5.response(ha1, "MESSAGE", "sip:bob@parley.test",
                "n", null, null, null) + "\"").doesNotContain("nc=").contains("opaque=\"op\"");
    }

    @Test
    void sha256IsPreferredOverMd5AndUnknownAlgorithmsAreIgnored() {
        var md5 = challenge("MD5", false);
        var sha = challenge("SHA-256", false);
        var odd = challenge("SHA-512-256", false);
        assertThat(DigestClient.choose(List.of(md5, sha))).contains(sha);
        assertThat(DigestClient.choose(List.of(odd, md5))).contains(md5);
        assertThat(DigestClient.choose(List.of(odd))).isEmpty();
    }

    @Test
    void nonceCountGrowsWithEachAuthorizationOfTheSameNonceAndRestartsForANewOne() {
        DigestClient d = new DigestClient("alice", "pw".toCharArray(), new SecureRandom());
        assertThat(d.authorization(true, "MESSAGE", "sip:bob@parley.test")).isEmpty();
        d.accept(challenge("MD5", true));
        assertThat(d.authorization(true, "MESSAGE", "sip:bob@parley.test").orElseThrow()).contains("nc=00000001");
        assertThat(d.authorization(true, "MESSAGE", "sip:bob@parley.test").orElseThrow()).contains("nc=00000002");
        assertThat(d.authorization(false, "REGISTER", "sip:parley.test")).as("401 and 407 nonces are kept apart").isEmpty();
        d.accept(challenge("SHA-256", true));
        assertThat(d.authorization(true, "MESSAGE", "sip:bob@parley.test").orElseThrow()).contains("nc=00000001")
                .contains("algorithm=SHA-256");
    }

    @Test
    void hashedCredentialsAnswerMd5AndSha256ChallengesExactlyAsThePasswordWould() {
        String md5 = DigestAlgorithm.MD5.ha1("alice", "parley.test", "pw-alice");
        String sha = DigestAlgorithm.SHA_256.ha1("alice", "parley.test", "pw-alice");
        for (String algorithm : List.of("MD5", "SHA-256")) {
            var c = challenge(algorithm, false);
            assertThat(DigestClient.answerWithHa1(c, "REGISTER", "sip:parley.test", "alice",
                    algorithm.equals("MD5") ? md5 : sha, "0a4f113b", 1))
                    .isEqualTo(DigestClient.answer(c, "REGISTER", "sip:parley.test", "alice", "pw-alice", "0a4f113b", 1));
        }
        DigestClient d = DigestClient.hashed("alice", "parley.test", md5.toUpperCase(), sha, new SecureRandom());
        d.accept(challenge("MD5", true));
        String value = d.authorization(true, "MESSAGE", "sip:bob@parley.test").orElseThrow();
        String cnonce = value.replaceAll(".*cnonce=\"([0-9a-f]+)\".*", "$1");
        assertThat(value).isEqualTo(DigestClient.answer(challenge("MD5", true), "MESSAGE", "sip:bob@parley.test",
                "alice", "pw-alice", cnonce, 1));
        d.accept(challenge("SHA-256", false));
        assertThat(d.refusal(challenge("SHA-256", false))).isEmpty();
        assertThat(d.authorization(false, "REGISTER", "sip:parley.test").orElseThrow()).contains("algorithm=SHA-256");
    }

    @Test
    void hashedCredentialsRefuseAnotherRealmWithAClearAuthenticationFailure() {
        DigestClient d = DigestClient.hashed("alice", "old.example", DigestAlgorithm.MD5.ha1("alice", "old.example", "pw"),
                DigestAlgorithm.SHA_256.ha1("alice", "old.example", "pw"), new SecureRandom());
        var c = challenge("SHA-256", false);
        var refusal = d.refusal(c).orElseThrow();
        assertThat(refusal.code()).isEqualTo(org.parley.core.error.ErrorCode.AUTHENTICATION_FAILED);
        assertThat(refusal.getMessage()).contains("old.example").contains("parley.test").contains("password");
        d.accept(c);
        assertThat(d.authorization(false, "REGISTER", "sip:parley.test")).as("nothing is sent for another realm").isEmpty();
        assertThat(new DigestClient("alice", "pw".toCharArray(), new SecureRandom()).refusal(c))
                .as("a password answers any realm").isEmpty();
    }

    @Test
    void hashedCredentialsWithoutTheChallengedAlgorithmRefuse() {
        DigestClient d = DigestClient.hashed("alice", "parley.test", DigestAlgorithm.MD5.ha1("alice", "parley.test", "pw"),
                null, new SecureRandom());
        assertThat(d.refusal(challenge("MD5", false))).isEmpty();
        assertThat(d.refusal(challenge("SHA-256", false)).orElseThrow().getMessage()).contains("SHA-256");
    }
}
