package org.parley.server.auth;

import java.util.Optional;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.server.transport.RequestSource;
import org.parley.server.transport.Responses;

/**
 * Lets a request through only with valid credentials: otherwise answers it itself with a challenge (401 from the
 * registrar, 407 from the proxy; {@code stale=true} when only the nonce was old) or 403.
 */
public final class Gatekeeper {
    private final DigestAuthenticator authenticator;
    private final Responses responses;

    public Gatekeeper(DigestAuthenticator authenticator, Responses responses) {
        this.authenticator = authenticator;
        this.responses = responses;
    }

    /**
     * The authenticated user name, or empty when the request was answered (challenged or refused).
     *
     * @param proxy true for Proxy-Authorization/407, false for Authorization/401
     */
    public Optional<String> admit(ServerTransaction tx, Request request, boolean proxy) {
        DigestAuthenticator.Result auth = authenticator.authenticate(request, proxy, RequestSource.of(request).host());
        switch (auth.verdict()) {
            case AUTHENTICATED:
                return Optional.of(auth.username());
            case FORBIDDEN:
                responses.reply(tx, request, Response.FORBIDDEN, null);
                return Optional.empty();
            default:
                Response challenge = responses.create(request,
                        proxy ? Response.PROXY_AUTHENTICATION_REQUIRED : Response.UNAUTHORIZED, null);
                authenticator.addChallenges(challenge, auth.verdict() == DigestAuthenticator.Verdict.STALE);
                responses.send(tx, challenge);
                return Optional.empty();
        }
    }
}
