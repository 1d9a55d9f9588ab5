package org.parley.server.transport;

import java.util.function.Consumer;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.server.transport.malformed.RequestChecks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point for everything the stack receives: checks what every request must carry (400 otherwise),
 * then routes by method to a handler: REGISTER to the registrar, OPTIONS for the server itself to the
 * capabilities answer, the rest to the proxy. A handler's failure is logged once here and answered with 500;
 * the server keeps serving.
 */
public final class RequestDispatcher implements SipListener {
    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

    /** Where responses, timeouts and requests for users go. */
    public interface ProxyHandler {
        void onRequest(RequestEvent event);

        void onResponse(ResponseEvent event);

        void onTimeout(TimeoutEvent event);
    }

    private final LocalDomain domain;
    private final Responses responses;
    private final Consumer<RequestEvent> registrar;
    private final Consumer<RequestEvent> serverOptions;
    private final ProxyHandler proxy;
    private final RequestChecks checks;
    private final java.util.List<LocalService> services;
    private final Outbound outbound;

    public RequestDispatcher(LocalDomain domain, Responses responses, Consumer<RequestEvent> registrar,
                             Consumer<RequestEvent> serverOptions, ProxyHandler proxy) {
        this(domain, responses, registrar, serverOptions, java.util.List.of(), null, proxy);
    }

    /**
     * @param services offered every request (except REGISTER, CANCEL and server OPTIONS; ACK only through
     *                 {@link LocalService#acceptsAck}) in order, before the proxy
     * @param outbound the server's own client transactions; their responses and timeouts go there (may be null)
     */
    public RequestDispatcher(LocalDomain domain, Responses responses, Consumer<RequestEvent> registrar,
                             Consumer<RequestEvent> serverOptions, java.util.List<LocalService> services, Outbound outbound,
                             ProxyHandler proxy) {
        this.domain = domain;
        this.responses = responses;
        this.registrar = registrar;
        this.serverOptions = serverOptions;
        this.services = java.util.List.copyOf(services);
        this.outbound = outbound;
        this.proxy = proxy;
        this.checks = new RequestChecks(domain);
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        try {
            String problem = missingOrInconsistent(request);
            if (problem != null) {
                LOG.debug("rejecting {} with 400: {}", method, problem);
                if (!Request.ACK.equals(method)) {
                    responses.reply(event.getServerTransaction(), request, Response.BAD_REQUEST, problem);
                }
                return;
            }
            RequestChecks.Rejection rejection = checks.check(request);
            if (rejection != null) {
                LOG.debug("rejecting {} with {}: {}", method, rejection.status(), rejection.reason());
                if (!Request.ACK.equals(method)) {
                    responses.reply(event.getServerTransaction(), request, rejection.status(), rejection.reason());
                }
                return;
            }
            if (Request.REGISTER.equals(method)) {
                registrar.accept(event);
            } else if (Request.OPTIONS.equals(method) && request.getRequestURI() instanceof SipURI sip
                    && sip.getUser() == null && domain.isMe(sip) && request.getHeader("Route") == null) {
                serverOptions.accept(event);
            } else {
                LocalService service = serviceFor(request);
                if (service != null) {
                    service.handle(event);
                } else {
                    proxy.onRequest(event);
                }
            }
        } catch (RuntimeException e) {
            CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
            LOG.warn("failed to handle {} (Call-ID {}): {}", method, callId == null ? "?" : callId.getCallId(), e.toString(), e);
            if (!Request.ACK.equals(method)) {
                responses.reply(event.getServerTransaction(), request, Response.SERVER_INTERNAL_ERROR, null);
            }
        }
    }

    private LocalService serviceFor(Request request) {
        String method = request.getMethod();
        if (Request.ACK.equals(method)) {
            return services.stream().filter(s -> s.acceptsAck(request)).findFirst().orElse(null);
        }
        if (Request.CANCEL.equals(method)) {
            return null;
        }
        for (LocalService s : services) {
            if (s.accepts(request)) {
                return s;
            }
        }
        return null;
    }

    /** RFC 3261 §8.1.1: To, From, CSeq, Call-ID, Via are mandatory; the CSeq method must match. */
    static String missingOrInconsistent(Request request) {
        if (request.getHeader(ToHeader.NAME) == null) {
            return "Missing To";
        }
        if (request.getHeader(FromHeader.NAME) == null) {
            return "Missing From";
        }
        if (request.getHeader(CallIdHeader.NAME) == null) {
            return "Missing Call-ID";
        }
        if (request.getHeader(ViaHeader.NAME) == null) {
            return "Missing Via";
        }
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        if (cseq == null) {
            return "Missing CSeq";
        }
        if (!cseq.getMethod().equals(request.getMethod())) {
            return "CSeq method does not match the request method";
        }
        return null;
    }

    @Override
    public void processResponse(ResponseEvent event) {
        try {
            if (outbound != null && outbound.onResponse(event.getClientTransaction(), event.getResponse())) {
                return;
            }
            proxy.onResponse(event);
        } catch (RuntimeException e) {
            LOG.warn("failed to relay a {} response: {}", event.getResponse().getStatusCode(), e.toString(), e);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        try {
            if (outbound != null && !event.isServerTransaction() && outbound.onTimeout(event.getClientTransaction())) {
                return;
            }
            proxy.onTimeout(event);
        } catch (RuntimeException e) {
            LOG.warn("failed to handle a transaction timeout: {}", e.toString(), e);
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debug("I/O error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // state lives in the transactions' application data and goes with them
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // the proxy keeps no dialog state
    }
}
