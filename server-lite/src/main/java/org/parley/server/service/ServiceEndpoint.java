package org.parley.server.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.ParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionUnavailableException;
import javax.sip.address.SipURI;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.contacts.ServiceCodec;
import org.parley.core.error.ParleyException;
import org.parley.server.auth.Gatekeeper;
import org.parley.server.transport.LocalDomain;
import org.parley.server.transport.LocalService;
import org.parley.server.transport.Responses;
import org.parley.server.transport.SipFactories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SERVICE endpoint (docs/protocol.md, decision 0005): {@code SERVICE sip:alice@D} from alice herself, a JSON
 * body {@code {"op": ..., args}}, answered 200 with the op's JSON result. 407 without credentials, 403 for another
 * user's address, 415 for another body type, 400 for bad JSON or an unknown op; an op's {@link ServiceError} gives
 * its status with {@code {"error": message}}. Ops are registered by each module ({@link #register}).
 * Answers go through a server transaction, so a retransmitted request is answered again, not run twice.
 */
public final class ServiceEndpoint implements LocalService {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceEndpoint.class);
    public static final String METHOD = "SERVICE";

    private final LocalDomain domain;
    private final Gatekeeper gatekeeper;
    private final Responses responses;
    private final SipFactories factories;
    private final SipProvider provider;
    private final Map<String, ServiceOp> ops = new ConcurrentHashMap<>();

    public ServiceEndpoint(LocalDomain domain, Gatekeeper gatekeeper, Responses responses, SipFactories factories,
                           SipProvider provider) {
        this.domain = domain;
        this.gatekeeper = gatekeeper;
        this.responses = responses;
        this.factories = factories;
        this.provider = provider;
    }

    /** Adds an operation; its name must be new. */
    public ServiceEndpoint register(ServiceOp op) {
        if (ops.putIfAbsent(op.name(), op) != null) {
            throw new IllegalArgumentException("SERVICE op '" + op.name() + "' is registered twice");
        }
        return this;
    }

    public ServiceEndpoint registerAll(Iterable<? extends ServiceOp> all) {
        all.forEach(this::register);
        return this;
    }

    @Override
    public boolean accepts(Request request) {
        return METHOD.equals(request.getMethod()) && request.getRequestURI() instanceof SipURI uri
                && uri.getUser() != null && domain.isLocalHost(uri.getHost());
    }

    @Override
    public void handle(RequestEvent event) {
        Request request = event.getRequest();
        ServerTransaction tx = serverTransaction(event);
        if (tx == null) {
            return;
        }
        String user = gatekeeper.admit(tx, request, true).orElse(null);
        if (user == null) {
            return;
        }
        String target = ((SipURI) request.getRequestURI()).getUser().toLowerCase(Locale.ROOT);
        if (!target.equals(user)) {
            answer(tx, request, 403, "Only for your own address", ServiceCodec.error("SERVICE requests go to your own address"));
            return;
        }
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        if (type == null || !ServiceCodec.SERVICE_CONTENT_TYPE.equalsIgnoreCase(type.getContentType() + "/" + type.getContentSubType())) {
            Response r = responses.create(request, Response.UNSUPPORTED_MEDIA_TYPE, null);
            try {
                r.addHeader(factories.headers().createAcceptHeader("application", "vnd.parley.service+json"));
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
            responses.send(tx, r);
            return;
        }
        JsonNode body;
        try {
            body = ServiceCodec.parseObject(request.getRawContent());
        } catch (ParleyException e) {
            answer(tx, request, 400, "Bad JSON", ServiceCodec.error(e.getMessage()));
            return;
        }
        String name = body.path("op").asText("");
        ServiceOp op = ops.get(name);
        if (op == null) {
            answer(tx, request, 400, "Unknown op", ServiceCodec.error(name.isEmpty() ? "missing 'op'" : "unknown op '" + name + "'"));
            return;
        }
        try {
            answer(tx, request, 200, null, op.handle(user, body));
        } catch (ServiceError e) {
            answer(tx, request, e.status(), null, ServiceCodec.error(e.getMessage()));
        } catch (ParleyException e) {
            int status = switch (e.code()) {
                case INVALID_ARGUMENT -> 400;
                case NOT_FOUND -> 404;
                case ALREADY_EXISTS -> 409;
                case REFUSED -> 403;
                default -> 500;
            };
            if (status == 500) {
                LOG.warn("SERVICE {} for {} failed: {}", name, user, e.getMessage(), e);
            }
            answer(tx, request, status, null, ServiceCodec.error(e.userMessage()));
        } catch (RuntimeException e) {
            LOG.warn("SERVICE {} for {} failed: {}", name, user, e.toString(), e);
            answer(tx, request, 500, null, ServiceCodec.error("the server could not do that"));
        }
    }

    private void answer(ServerTransaction tx, Request request, int status, String reason, ObjectNode json) {
        Response r = responses.create(request, status, reason);
        try {
            r.setContent(ServiceCodec.writeBytes(json),
                    factories.headers().createContentTypeHeader("application", "vnd.parley.service+json"));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        responses.send(tx, r);
    }

    private ServerTransaction serverTransaction(RequestEvent event) {
        if (event.getServerTransaction() != null) {
            return event.getServerTransaction();
        }
        try {
            return provider.getNewServerTransaction(event.getRequest());
        } catch (TransactionAlreadyExistsException e) {
            return null; // a retransmission the stack answers itself
        } catch (TransactionUnavailableException e) {
            responses.reply(null, event.getRequest(), Response.BAD_REQUEST, e.getMessage());
            return null;
        }
    }
}
