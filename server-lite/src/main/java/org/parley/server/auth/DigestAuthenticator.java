package org.parley.server.auth;

import java.text.ParseException;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.sip.DigestAlgorithm;
import org.parley.server.users.UserCredentials;

/**
 * Digest authentication of requests (RFC 3261 §22, RFC 8760): challenges offer SHA-256 then MD5; answers are
 * checked against the stored HA1 of the user, with nonce expiry ({@code stale=true}) and failure throttling.
 */
public final class DigestAuthenticator {
    /** What to do with a request after looking at its credentials. */
    public enum Verdict { AUTHENTICATED, CHALLENGE, STALE, FORBIDDEN }

    /** The verdict, and the authenticated user name when there is one. */
    public record Result(Verdict verdict, String username) {
        static Result of(Verdict v) {
            return new Result(v, null);
        }
    }

    private final String realm;
    private final NonceService nonces;
    private final CredentialCache credentials;
    private final LoginThrottle throttle;
    private final HeaderFactory headers;
    private final List<DigestAlgorithm> offered;

    public DigestAuthenticator(String realm, NonceService nonces, CredentialCache credentials, LoginThrottle throttle,
                               HeaderFactory headers, List<DigestAlgorithm> offered) {
        this.offered = List.copyOf(offered);
        this.realm = realm;
        this.nonces = nonces;
        this.credentials = credentials;
        this.throttle = throttle;
        this.headers = headers;
    }

    public String realm() {
        return realm;
    }

    /**
     * Checks the request's Authorization (registrar, {@code proxy=false}) or Proxy-Authorization ({@code proxy=true})
     * for our realm. {@code source} is the address the request came from (for throttling).
     */
    public Result authenticate(Request request, boolean proxy, String source) {
        AuthorizationHeader auth = credentialsForRealm(request, proxy);
        if (auth == null) {
            return Result.of(Verdict.CHALLENGE);
        }
        String user = auth.getUsername() == null ? "" : auth.getUsername().toLowerCase(Locale.ROOT);
        if (throttle.isLocked(user, source)) {
            return Result.of(Verdict.FORBIDDEN);
        }
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromSipName(auth.getAlgorithm());
        if (algorithm.isEmpty() || !offered.contains(algorithm.get())) {
            return Result.of(Verdict.CHALLENGE);
        }
        NonceService.Check nonce = nonces.check(auth.getNonce());
        Optional<UserCredentials> stored = credentials.find(user);
        boolean valid = stored.isPresent() && stored.get().realm().equals(realm)
                && matches(auth, request, stored.get(), algorithm.get());
        if (!valid) {
            throttle.recordFailure(user, source);
            // an answer to a nonce we never issued (e.g. before a restart) is challenged afresh, not refused
            return Result.of(nonce == NonceService.Check.INVALID ? Verdict.CHALLENGE : Verdict.FORBIDDEN);
        }
        if (nonce != NonceService.Check.VALID) {
            return Result.of(Verdict.STALE);
        }
        throttle.recordSuccess(user, source);
        return new Result(Verdict.AUTHENTICATED, user);
    }

    private boolean matches(AuthorizationHeader auth, Request request, UserCredentials stored, DigestAlgorithm algorithm) {
        String uri = auth.getURI() == null ? null : auth.getURI().toString();
        String response = auth.getResponse();
        if (uri == null || response == null) {
            return false;
        }
        String qop = auth.getQop();
        String nc = null;
        String cnonce = auth.getCNonce();
        if (qop != null) {
            if (!"auth".equalsIgnoreCase(qop) || cnonce == null) {
                return false;
            }
            nc = String.format("%08x", auth.getNonceCount());
        }
        String expected = algorithm.response(stored.ha1(algorithm), request.getMethod(), uri, auth.getNonce(), nc, cnonce,
                qop == null ? null : "auth");
        return expected.equalsIgnoreCase(response);
    }

    private AuthorizationHeader credentialsForRealm(Request request, boolean proxy) {
        ListIterator<?> it = request.getHeaders(proxy ? ProxyAuthorizationHeader.NAME : AuthorizationHeader.NAME);
        while (it.hasNext()) {
            AuthorizationHeader h = (AuthorizationHeader) it.next();
            if (realm.equals(h.getRealm())) {
                return h;
            }
        }
        return null;
    }

    /** Removes our realm's Proxy-Authorization before a request is forwarded (RFC 3261 §22.3). */
    public void stripProxyCredentials(Request request) {
        ListIterator<?> it = request.getHeaders(ProxyAuthorizationHeader.NAME);
        java.util.List<ProxyAuthorizationHeader> keep = new java.util.ArrayList<>();
        while (it.hasNext()) {
            ProxyAuthorizationHeader h = (ProxyAuthorizationHeader) it.next();
            if (!realm.equals(h.getRealm())) {
                keep.add(h);
            }
        }
        request.removeHeader(ProxyAuthorizationHeader.NAME);
        keep.forEach(request::addHeader);
    }

    /** Adds one challenge per offered algorithm, most preferred first (RFC 8760), to a 401 or 407 response. */
    public void addChallenges(Response response, boolean stale) {
        boolean proxy = response.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED;
        String nonce = nonces.issue();
        try {
            for (DigestAlgorithm algorithm : offered) {
                WWWAuthenticateHeader h = proxy ? headers.createProxyAuthenticateHeader("Digest")
                        : headers.createWWWAuthenticateHeader("Digest");
                h.setRealm(realm);
                h.setNonce(nonce);
                h.setAlgorithm(algorithm.sipName());
                h.setQop("auth");
                if (stale) {
                    h.setStale(true);
                }
                response.addHeader(h);
            }
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build a digest challenge", e);
        }
    }

    static boolean isProxyChallenge(Response r) {
        return r.getHeader(ProxyAuthenticateHeader.NAME) != null;
    }
}
