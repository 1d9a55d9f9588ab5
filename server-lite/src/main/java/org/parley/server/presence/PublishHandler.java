package org.parley.server.presence;

import java.text.ParseException;
import java.util.Locale;
import java.util.Optional;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionUnavailableException;
import javax.sip.address.SipURI;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.SIPIfMatchHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.presence.PidfCodec;
import org.parley.core.presence.PresenceFormatException;
import org.parley.server.auth.Gatekeeper;
import org.parley.server.transport.LocalDomain;
import org.parley.server.transport.LocalService;
import org.parley.server.transport.Responses;
import org.parley.server.transport.SipFactories;

/**
 * PUBLISH for local users (RFC 3903, docs/protocol.md "Presence"): 407 without credentials, 403 for someone else's
 * presence, 489 for another event, 423 below the minimum expiry, 415 for another body type, 400 for a PIDF that
 * cannot be read, 412 for an unknown SIP-If-Match; 200 with SIP-ETag and Expires otherwise.
 */
public final class PublishHandler implements LocalService {
    /** Expiry limits and default in seconds. */
    public record Limits(int minExpires, int defaultExpires, int maxExpires) {
    }

    private final LocalDomain domain;
    private final Gatekeeper gatekeeper;
    private final Responses responses;
    private final SipProvider provider;
    private final SipFactories factories;
    private final PresenceStore store;
    private final Limits limits;

    public PublishHandler(LocalDomain domain, Gatekeeper gatekeeper, Responses responses, SipProvider provider,
                          SipFactories factories, PresenceStore store, Limits limits) {
        this.domain = domain;
        this.gatekeeper = gatekeeper;
        this.responses = responses;
        this.provider = provider;
        this.factories = factories;
        this.store = store;
        this.limits = limits;
    }

    @Override
    public boolean accepts(Request request) {
        return Request.PUBLISH.equals(request.getMethod()) && request.getRequestURI() instanceof SipURI sip
                && sip.getUser() != null && domain.isLocalHost(sip.getHost());
    }

    @Override
    public void handle(RequestEvent event) {
        Request request = event.getRequest();
        ServerTransaction tx = serverTransaction(event);
        if (tx == null) {
            return;
        }
        Optional<String> user = gatekeeper.admit(tx, request, true);
        if (user.isEmpty()) {
            return;
        }
        String target = ((SipURI) request.getRequestURI()).getUser().toLowerCase(Locale.ROOT);
        if (!target.equals(user.get())) {
            responses.reply(tx, request, Response.FORBIDDEN, "Only your own presence can be published");
            return;
        }
        EventHeader eventHeader = (EventHeader) request.getHeader(EventHeader.NAME);
        if (eventHeader == null || !"presence".equalsIgnoreCase(eventHeader.getEventType())) {
            Response r = responses.create(request, Response.BAD_EVENT, null);
            header(r, "Allow-Events", "presence");
            responses.send(tx, r);
            return;
        }
        ExpiresHeader expiresHeader = request.getExpires();
        int expires = expiresHeader == null ? limits.defaultExpires() : Math.max(0, expiresHeader.getExpires());
        if (expires > 0 && expires < limits.minExpires()) {
            Response r = responses.create(request, Response.INTERVAL_TOO_BRIEF, null);
            header(r, "Min-Expires", String.valueOf(limits.minExpires()));
            responses.send(tx, r);
            return;
        }
        expires = Math.min(expires, limits.maxExpires());
        SIPIfMatchHeader ifMatch = (SIPIfMatchHeader) request.getHeader(SIPIfMatchHeader.NAME);
        String etag = ifMatch == null ? null : ifMatch.getETag();
        byte[] body = request.getRawContent();
        PidfCodec.Decoded doc = null;
        if (body != null && body.length > 0) {
            ContentTypeHeader ct = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
            if (ct == null || !"application".equalsIgnoreCase(ct.getContentType())
                    || !"pidf+xml".equalsIgnoreCase(ct.getContentSubType())) {
                Response r = responses.create(request, Response.UNSUPPORTED_MEDIA_TYPE, null);
                header(r, "Accept", PidfCodec.CONTENT_TYPE);
                responses.send(tx, r);
                return;
            }
            try {
                doc = PidfCodec.decode(body);
            } catch (PresenceFormatException e) {
                responses.reply(tx, request, Response.BAD_REQUEST, "Unreadable PIDF");
                return;
            }
        }
        if (etag == null) {
            if (doc == null || expires == 0) {
                responses.reply(tx, request, Response.BAD_REQUEST,
                        doc == null ? "PUBLISH without a body needs SIP-If-Match" : "Expires 0 needs SIP-If-Match");
                return;
            }
            ok(tx, request, store.publish(user.get(), doc, expires), expires);
            return;
        }
        if (expires == 0) {
            if (store.remove(user.get(), etag)) {
                ok(tx, request, etag, 0);
            } else {
                responses.reply(tx, request, Response.CONDITIONAL_REQUEST_FAILED, null);
            }
            return;
        }
        Optional<String> fresh = store.update(user.get(), etag, doc, expires);
        if (fresh.isEmpty()) {
            responses.reply(tx, request, Response.CONDITIONAL_REQUEST_FAILED, null);
            return;
        }
        ok(tx, request, fresh.get(), expires);
    }

    private void ok(ServerTransaction tx, Request request, String etag, int expires) {
        Response ok = responses.create(request, Response.OK, null);
        try {
            ok.setHeader(factories.headers().createSIPETagHeader(etag));
            ok.setHeader(factories.headers().createExpiresHeader(expires));
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        responses.send(tx, ok);
    }

    private void header(Response r, String name, String value) {
        try {
            r.setHeader(factories.headers().createHeader(name, value));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private ServerTransaction serverTransaction(RequestEvent event) {
        if (event.getServerTransaction() != null) {
            return event.getServerTransaction();
        }
        try {
            return provider.getNewServerTransaction(event.getRequest());
        } catch (TransactionAlreadyExistsException e) {
            return null;
        } catch (TransactionUnavailableException e) {
            responses.reply(null, event.getRequest(), Response.BAD_REQUEST, e.getMessage());
            return null;
        }
    }
}
