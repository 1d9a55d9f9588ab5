package org.parley.core.sip;

import gov.nist.javax.sip.Utils;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's SIP user agent over one {@link SipEndpoint}: sends requests in client transactions and completes a
 * future with the final answer, answering 401/407 challenges with {@link DigestClient} on the way; hands incoming
 * requests to the processor registered for their method. Every completion and every processor runs on the
 * engine executor given at construction, never on a stack thread.
 */
public final class UserAgent implements SipListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UserAgent.class);

    /** Handles one incoming request (on the engine thread); must answer it through {@link Incoming}. */
    public interface RequestProcessor {
        void process(Incoming request);
    }

    /** An incoming request with its server transaction. */
    public record Incoming(Request request, ServerTransaction transaction) {
    }

    private final SipEndpoint endpoint;
    private final ScheduledExecutorService engine;
    private final Duration requestTimeout;
    private final Map<String, RequestProcessor> processors = new ConcurrentHashMap<>();
    private volatile DigestClient digest;
    private volatile Runnable connectionProblem = () -> { };

    public UserAgent(SipEndpoint endpoint, ScheduledExecutorService engine, Duration requestTimeout) {
        this.endpoint = endpoint;
        this.engine = engine;
        this.requestTimeout = requestTimeout;
        endpoint.setListener(this);
    }

    public SipEndpoint endpoint() {
        return endpoint;
    }

    public void setCredentials(DigestClient credentials) {
        DigestClient old = this.digest;
        this.digest = credentials;
        if (old != null && old != credentials) {
            old.destroy();
        }
    }

    /** Called (on the engine) when the transport reports an I/O error: the connection to the server may be gone. */
    public void onConnectionProblem(Runnable r) {
        this.connectionProblem = r;
    }

    public void register(String method, RequestProcessor processor) {
        processors.put(method, processor);
    }

    /** Sends a request; the future completes on the engine with the final response (any status), or fails. */
    public CompletableFuture<Response> send(Request request) {
        return send(request, requestTimeout, ct -> { });
    }

    /**
     * Sends a request that may wait for a person (an INVITE): the future fails after {@code timeout} without a final
     * answer, and {@code onTransaction} sees each client transaction it runs in (a new one after a challenge), e.g.
     * to CANCEL it.
     */
    public CompletableFuture<Response> send(Request request, Duration timeout,
                                            java.util.function.Consumer<ClientTransaction> onTransaction) {
        return send(request, timeout, onTransaction, r -> { });
    }

    /** {@link #send(Request, Duration, java.util.function.Consumer)} that also sees each provisional (1xx) answer, on the engine. */
    public CompletableFuture<Response> send(Request request, Duration timeout,
                                            java.util.function.Consumer<ClientTransaction> onTransaction,
                                            java.util.function.Consumer<Response> onProvisional) {
        CompletableFuture<Response> result = new CompletableFuture<>();
        java.util.concurrent.ScheduledFuture<?> deadline = engine.schedule(() -> result.completeExceptionally(
                new ParleyException(ErrorCode.NETWORK_FAILURE, "no answer to " + request.getMethod() + " from the server "
                        + endpoint.serverDescription() + " within " + timeout.toSeconds() + " s")),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((r, e) -> deadline.cancel(false));
        preauthorize(request);
        transmit(new Pending(request, result, 0, onTransaction, onProvisional));
        return result;
    }

    private void transmit(Pending p) {
        try {
            ClientTransaction ct = endpoint.provider().getNewClientTransaction(p.request);
            ct.setApplicationData(p);
            p.onTransaction.accept(ct);
            ct.sendRequest();
        } catch (SipException | RuntimeException e) {
            p.result.completeExceptionally(sendFailure(e));
        }
    }

    private ParleyException sendFailure(Exception e) {
        if (endpoint.certificateMismatch()) {
            return new ParleyException(ErrorCode.CERTIFICATE_MISMATCH, "the server " + endpoint.serverDescription()
                    + " presented a different TLS certificate than the one trusted before; refusing to connect", e);
        }
        return new ParleyException(ErrorCode.NETWORK_FAILURE, "cannot reach the server " + endpoint.serverDescription()
                + ": " + rootMessage(e), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Out-of-dialog requests carry credentials for the last nonce straight away (saves a round trip). */
    private void preauthorize(Request request) {
        DigestClient d = digest;
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        if (d == null || (to != null && to.getTag() != null)) {
            return;
        }
        boolean proxy = !Request.REGISTER.equals(request.getMethod());
        d.authorization(proxy, request.getMethod(), request.getRequestURI().toString())
                .ifPresent(v -> setCredentials(request, proxy, v));
    }

    private void setCredentials(Request request, boolean proxy, String value) {
        try {
            request.removeHeader(proxy ? ProxyAuthorizationHeader.NAME : AuthorizationHeader.NAME);
            request.addHeader(endpoint.headers().createHeader(
                    proxy ? ProxyAuthorizationHeader.NAME : AuthorizationHeader.NAME, value));
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build credentials", e);
        }
    }

    private void onFinal(Pending p, Response response) {
        int status = response.getStatusCode();
        DigestClient d = digest;
        if ((status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED) && d != null
                && p.attempts < 3) {
            boolean proxy = status == Response.PROXY_AUTHENTICATION_REQUIRED;
            List<DigestClient.Challenge> offered = challenges(response, proxy);
            DigestClient.Challenge chosen = DigestClient.choose(offered).orElse(null);
            // hashed credentials cannot answer another realm: say so instead of a bare 401
            java.util.Optional<ParleyException> refused = chosen == null ? java.util.Optional.empty() : d.refusal(chosen);
            if (refused.isPresent()) {
                p.result.completeExceptionally(refused.get());
                return;
            }
            boolean answeredBefore = p.request.getHeader(proxy ? ProxyAuthorizationHeader.NAME : AuthorizationHeader.NAME) != null;
            if (chosen != null && (!answeredBefore || chosen.stale() || p.attempts == 0)) {
                d.accept(chosen);
                Request retry = (Request) p.request.clone();
                try {
                    CSeqHeader cseq = (CSeqHeader) retry.getHeader(CSeqHeader.NAME);
                    cseq.setSeqNumber(cseq.getSeqNumber() + 1);
                    ViaHeader via = (ViaHeader) retry.getHeader(ViaHeader.NAME);
                    via.setBranch(Utils.getInstance().generateBranchId());
                } catch (ParseException | javax.sip.InvalidArgumentException e) {
                    p.result.completeExceptionally(e);
                    return;
                }
                d.authorization(proxy, retry.getMethod(), retry.getRequestURI().toString())
                        .ifPresent(v -> setCredentials(retry, proxy, v));
                transmit(new Pending(retry, p.result, p.attempts + 1, p.onTransaction, p.onProvisional));
                return;
            }
        }
        p.result.complete(response);
    }

    private static List<DigestClient.Challenge> challenges(Response response, boolean proxy) {
        List<DigestClient.Challenge> out = new ArrayList<>();
        ListIterator<?> it = response.getHeaders(proxy ? ProxyAuthenticateHeader.NAME : WWWAuthenticateHeader.NAME);
        while (it.hasNext()) {
            WWWAuthenticateHeader h = (WWWAuthenticateHeader) it.next();
            if ("Digest".equalsIgnoreCase(h.getScheme())) {
                out.add(new DigestClient.Challenge(h.getRealm(), h.getNonce(), h.getAlgorithm(), h.getQop(),
                        h.getOpaque(), h.isStale(), proxy));
            }
        }
        return out;
    }

    /** Answers a request with a bare status (plus the headers the factory copies). */
    public void reply(Incoming in, int status) {
        try {
            Response r = endpoint.messages().createResponse(status, in.request());
            in.transaction().sendResponse(r);
        } catch (ParseException | SipException | javax.sip.InvalidArgumentException | RuntimeException e) {
            LOG.debug("could not answer {} with {}: {}", in.request().getMethod(), status, e.toString());
        }
    }

    // ---- SipListener: stack threads; everything is handed to the engine ----

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        if (Request.ACK.equals(request.getMethod())) {
            return;
        }
        ServerTransaction st = event.getServerTransaction();
        try {
            if (st == null) {
                st = endpoint.provider().getNewServerTransaction(request);
            }
        } catch (TransactionAlreadyExistsException retransmission) {
            return;
        } catch (SipException e) {
            LOG.debug("cannot take {}: {}", request.getMethod(), e.toString());
            return;
        }
        Incoming in = new Incoming(request, st);
        engine.execute(() -> {
            RequestProcessor p = processors.get(request.getMethod());
            try {
                if (p == null) {
                    reply(in, Response.METHOD_NOT_ALLOWED);
                } else {
                    p.process(in);
                }
            } catch (RuntimeException e) {
                LOG.warn("failed to process an incoming {}: {}", request.getMethod(), e.toString(), e);
                reply(in, Response.SERVER_INTERNAL_ERROR);
            }
        });
    }

    @Override
    public void processResponse(ResponseEvent event) {
        ClientTransaction ct = event.getClientTransaction();
        Response response = event.getResponse();
        if (ct == null || !(ct.getApplicationData() instanceof Pending p)) {
            return;
        }
        if (response.getStatusCode() < 200) {
            engine.execute(() -> {
                if (!p.result.isDone()) {
                    p.onProvisional.accept(response);
                }
            });
            return;
        }
        engine.execute(() -> onFinal(p, response));
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction() || !(event.getClientTransaction().getApplicationData() instanceof Pending p)) {
            return;
        }
        engine.execute(() -> p.result.completeExceptionally(new ParleyException(ErrorCode.NETWORK_FAILURE,
                "no answer from the server " + endpoint.serverDescription())));
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debug("I/O error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
        engine.execute(() -> connectionProblem.run());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // pending state lives in the transaction's application data
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // dialogs are kept by the subscriptions themselves
    }

    @Override
    public void close() {
        DigestClient d = digest;
        if (d != null) {
            d.destroy();
        }
        endpoint.close();
    }

    private record Pending(Request request, CompletableFuture<Response> result, int attempts,
                           java.util.function.Consumer<ClientTransaction> onTransaction,
                           java.util.function.Consumer<Response> onProvisional) {
    }
}
