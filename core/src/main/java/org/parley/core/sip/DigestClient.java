package org.parley.core.sip;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The client half of SIP digest authentication (RFC 3261 §22.2, RFC 2617, RFC 8760): picks the strongest challenge
 * it can answer (SHA-256 before MD5) and computes the {@code Authorization}/{@code Proxy-Authorization} value with
 * {@code qop=auth} when offered. Keeps one nonce per kind (401/407) so later requests can be authorized up front
 * with a growing nonce count. Not thread-safe: used from the client's engine thread.
 */
public final class DigestClient {
    /** One {@code Digest} challenge as parsed from a WWW-Authenticate or Proxy-Authenticate header. */
    public record Challenge(String realm, String nonce, String algorithm, String qop, String opaque, boolean stale,
                            boolean proxy) {
    }

    private final String username;
    private final char[] password;
    private final SecureRandom random;
    private Challenge wwwChallenge;
    private Challenge proxyChallenge;
    private int wwwCount;
    private int proxyCount;

    public DigestClient(String username, char[] password, SecureRandom random) {
        this.username = username;
        this.password = password.clone();
        this.random = random;
    }

    /** The challenge this client answers among those offered: a supported algorithm, SHA-256 first. */
    public static Optional<Challenge> choose(List<Challenge> offered) {
        Challenge best = null;
        for (Challenge c : offered) {
            Optional<DigestAlgorithm> a = DigestAlgorithm.fromSipName(c.algorithm());
            if (a.isEmpty()) {
                continue;
            }
            if (best == null || (a.get() == DigestAlgorithm.SHA_256
                    && DigestAlgorithm.fromSipName(best.algorithm()).orElse(null) != DigestAlgorithm.SHA_256)) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Remembers a challenge: the next {@link #authorization} calls answer it. */
    public void accept(Challenge challenge) {
        if (challenge.proxy()) {
            proxyChallenge = challenge;
            proxyCount = 0;
        } else {
            wwwChallenge = challenge;
            wwwCount = 0;
        }
    }

    /** Forgets the remembered nonces (a new sign-in). */
    public void reset() {
        wwwChallenge = null;
        proxyChallenge = null;
    }

    public boolean hasChallenge(boolean proxy) {
        return (proxy ? proxyChallenge : wwwChallenge) != null;
    }

    /** The header value answering the remembered challenge of that kind for this request, if any. */
    public Optional<String> authorization(boolean proxy, String method, String digestUri) {
        Challenge c = proxy ? proxyChallenge : wwwChallenge;
        if (c == null) {
            return Optional.empty();
        }
        int nc = proxy ? ++proxyCount : ++wwwCount;
        byte[] cn = new byte[8];
        random.nextBytes(cn);
        return Optional.of(answer(c, method, digestUri, username, new String(password), HexFormat.of().formatHex(cn), nc));
    }

    /** The credentials value (without the header name) answering {@code c}; pure, for tests. */
    public static String answer(Challenge c, String method, String digestUri, String username, String password,
                                String cnonce, int nonceCount) {
        DigestAlgorithm algorithm = DigestAlgorithm.fromSipName(c.algorithm())
                .orElseThrow(() -> new IllegalArgumentException("unsupported digest algorithm " + c.algorithm()));
        String ha1 = algorithm.ha1(username, c.realm(), password);
        boolean auth = c.qop() != null && List.of(c.qop().toLowerCase(Locale.ROOT).split("\\s*,\\s*")).contains("auth");
        String nc = String.format("%08x", nonceCount);
        String response = algorithm.response(ha1, method, digestUri, c.nonce(), auth ? nc : null, auth ? cnonce : null,
                auth ? "auth" : null);
        StringBuilder b = new StringBuilder("Digest username=\"").append(username)
                .append("\",realm=\"").append(c.realm())
                .append("\",nonce=\"").append(c.nonce())
                .append("\",uri=\"").append(digestUri)
                .append("\",response=\"").append(response)
                .append("\",algorithm=").append(algorithm.sipName());
        if (auth) {
            b.append(",qop=auth,nc=").append(nc).append(",cnonce=\"").append(cnonce).append('"');
        }
        if (c.opaque() != null) {
            b.append(",opaque=\"").append(c.opaque()).append('"');
        }
        return b.toString();
    }

    /** Wipes the password copy. */
    public void destroy() {
        java.util.Arrays.fill(password, '\0');
        reset();
    }
}
