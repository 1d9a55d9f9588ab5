package org.parley.core.sip;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;

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
    private final String realm;
    private final String md5Ha1;
    private final String sha256Ha1;
    private final SecureRandom random;
    private Challenge wwwChallenge;
    private Challenge proxyChallenge;
    private int wwwCount;
    private int proxyCount;

    public DigestClient(String username, char[] password, SecureRandom random) {
        this(username, password.clone(), null, null, null, random);
    }

    private DigestClient(String username, char[] password, String realm, String md5Ha1, String sha256Ha1,
                         SecureRandom random) {
        this.username = username;
        this.password = password;
        this.realm = realm;
        this.md5Ha1 = md5Ha1;
        this.sha256Ha1 = sha256Ha1;
        this.random = random;
    }

    /**
     * A client that answers from stored HA1 values (no password): good only for challenges of {@code realm}; an MD5
     * challenge is answered with {@code md5Ha1}, a SHA-256 one with {@code sha256Ha1} (either may be null).
     */
    public static DigestClient hashed(String username, String realm, String md5Ha1, String sha256Ha1,
                                      SecureRandom random) {
        if (realm == null || (md5Ha1 == null && sha256Ha1 == null)) {
            throw new IllegalArgumentException("hashed credentials need a realm and at least one HA1");
        }
        return new DigestClient(username, new char[0], realm, lower(md5Ha1), lower(sha256Ha1), random);
    }

    private static String lower(String hex) {
        return hex == null ? null : hex.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Why this client cannot answer {@code c}, or empty when it can: hashed credentials work only for the realm they
     * were made for and for an algorithm whose HA1 they hold. The error is AUTHENTICATION_FAILED, worded for the user.
     */
    public Optional<ParleyException> refusal(Challenge c) {
        if (realm == null) {
            return Optional.empty();
        }
        if (!realm.equals(c.realm())) {
            return Optional.of(new ParleyException(ErrorCode.AUTHENTICATION_FAILED, "the saved sign-in is for realm \""
                    + realm + "\" but the server asks for realm \"" + c.realm()
                    + "\": sign in with your password again"));
        }
        DigestAlgorithm a = DigestAlgorithm.fromSipName(c.algorithm()).orElse(null);
        if (a == null || ha1(a, c.realm()) == null) {
            return Optional.of(new ParleyException(ErrorCode.AUTHENTICATION_FAILED, "the saved sign-in has no hash for"
                    + " the server's digest algorithm " + c.algorithm() + ": sign in with your password again"));
        }
        return Optional.empty();
    }

    private String ha1(DigestAlgorithm a, String challengeRealm) {
        if (realm == null) {
            return a.ha1(username, challengeRealm, new String(password));
        }
        return a == DigestAlgorithm.MD5 ? md5Ha1 : sha256Ha1;
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
        if (refusal(c).isPresent()) {
            return Optional.empty();
        }
        int nc = proxy ? ++proxyCount : ++wwwCount;
        byte[] cn = new byte[8];
        random.nextBytes(cn);
        String ha1 = ha1(algorithm(c), c.realm());
        return Optional.of(answerWithHa1(c, method, digestUri, username, ha1, HexFormat.of().formatHex(cn), nc));
    }

    private static DigestAlgorithm algorithm(Challenge c) {
        return DigestAlgorithm.fromSipName(c.algorithm())
                .orElseThrow(() -> new IllegalArgumentException("unsupported digest algorithm " + c.algorithm()));
    }

    /** The credentials value (without the header name) answering {@code c}; pure, for tests. */
    public static String answer(Challenge c, String method, String digestUri, String username, String password,
                                String cnonce, int nonceCount) {
        return answerWithHa1(c, method, digestUri, username, algorithm(c).ha1(username, c.realm(), password), cnonce,
                nonceCount);
    }

    /** As {@link #answer} from the HA1 of the challenge's algorithm instead of the password. */
    public static String answerWithHa1(Challenge c, String method, String digestUri, String username, String ha1,
                                       String cnonce, int nonceCount) {
        DigestAlgorithm algorithm = algorithm(c);
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
