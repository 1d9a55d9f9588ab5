package org.parley.server.registrar;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.server.auth.DigestAuthenticator;
import org.parley.server.transport.LocalDomain;
import org.parley.server.transport.RequestSource;
import org.parley.server.transport.Responses;
import org.parley.server.transport.SipFactories;

/**
 * REGISTER processing (RFC 3261 §10.3): digest authentication, one user may only register their own address,
 * several contacts per address, Expires limits (423 with Min-Expires), {@code Contact: *} removal, and the
 * real source address kept with each binding. Responses are sent statelessly: a retransmitted REGISTER is
 * simply processed again, which is idempotent.
 */
public final class Registrar {
    private final LocalDomain domain;
    private final DigestAuthenticator authenticator;
    private final BindingTable bindings;
    private final Responses responses;
    private final SipFactories factories;
    private final Clock clock;
    private final long minExpires;
    private final long maxExpires;
    private final long defaultExpires;

    public Registrar(LocalDomain domain, DigestAuthenticator authenticator, BindingTable bindings, Responses responses,
                     SipFactories factories, Clock clock, Duration minExpires, Duration maxExpires, Duration defaultExpires) {
        this.domain = domain;
        this.authenticator = authenticator;
        this.bindings = bindings;
        this.responses = responses;
        this.factories = factories;
        this.clock = clock;
        this.minExpires = minExpires.toSeconds();
        this.maxExpires = maxExpires.toSeconds();
        this.defaultExpires = defaultExpires.toSeconds();
    }

    public void handle(RequestEvent event) {
        Request request = event.getRequest();
        if (!domain.isLocal(request.getRequestURI())) {
            responses.reply(null, request, Response.FORBIDDEN, "Not a registrar for this domain");
            return;
        }
        RequestSource source = RequestSource.of(request);
        DigestAuthenticator.Result auth = authenticator.authenticate(request, false, source.host());
        switch (auth.verdict()) {
            case CHALLENGE, STALE -> {
                Response challenge = responses.create(request, Response.UNAUTHORIZED, null);
                authenticator.addChallenges(challenge, auth.verdict() == DigestAuthenticator.Verdict.STALE);
                responses.send(null, challenge);
                return;
            }
            case FORBIDDEN -> {
                responses.reply(null, request, Response.FORBIDDEN, null);
                return;
            }
            case AUTHENTICATED -> register(request, auth.username(), source);
            default -> throw new IllegalStateException(auth.verdict().toString());
        }
    }

    private void register(Request request, String user, RequestSource source) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        if (!(to.getAddress().getURI() instanceof SipURI aorUri) || !domain.isLocalHost(aorUri.getHost())
                || aorUri.getUser() == null) {
            responses.reply(null, request, Response.NOT_FOUND, "Not a user of this domain");
            return;
        }
        String aor = aorUri.getUser().toLowerCase(Locale.ROOT);
        if (!aor.equals(user)) {
            responses.reply(null, request, Response.FORBIDDEN, "May only register your own address");
            return;
        }
        ExpiresHeader expiresHeader = request.getExpires();
        long requestExpires = expiresHeader == null ? defaultExpires : expiresHeader.getExpires();
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        long cseq = ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
        UserAgentHeader ua = (UserAgentHeader) request.getHeader(UserAgentHeader.NAME);
        String userAgent = ua == null ? null : String.join(" ", toStrings(ua.getProduct()));

        List<Binding> upserts = new ArrayList<>();
        List<String> removals = new ArrayList<>();
        boolean removeAll = false;
        long now = clock.millis();
        List<ContactHeader> contacts = new ArrayList<>();
        request.getHeaders(ContactHeader.NAME).forEachRemaining(h -> contacts.add((ContactHeader) h));
        for (ContactHeader c : contacts) {
            if (c.isWildCard()) {
                if (contacts.size() != 1 || expiresHeader == null || expiresHeader.getExpires() != 0) {
                    responses.reply(null, request, Response.BAD_REQUEST, "Contact: * needs Expires: 0 and no other contact");
                    return;
                }
                removeAll = true;
                continue;
            }
            long expires = c.getExpires() >= 0 ? c.getExpires() : requestExpires;
            String contactUri = c.getAddress().getURI().toString();
            if (expires == 0) {
                removals.add(contactUri);
                continue;
            }
            if (expires < minExpires) {
                intervalTooBrief(request);
                return;
            }
            expires = Math.min(expires, maxExpires);
            float q = c.getQValue() < 0 ? 1.0f : c.getQValue();
            upserts.add(new Binding(aor, contactUri, c.getAddress().toString(), callId, cseq, now + expires * 1000, q,
                    source.transport(), source.host(), source.port(), userAgent));
        }
        if (!bindings.update(aor, upserts, removals, removeAll)) {
            responses.reply(null, request, Response.SERVER_INTERNAL_ERROR, "Out of order REGISTER");
            return;
        }
        Response ok = responses.create(request, Response.OK, null);
        try {
            for (Binding b : bindings.lookup(aor)) {
                ContactHeader h = factories.headers().createContactHeader(factories.addresses().createAddress(b.contactText()));
                h.setExpires((int) b.secondsLeft(now));
                ok.addHeader(h);
            }
            ok.addHeader(factories.headers().createDateHeader(java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("GMT"))));
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot list bindings of " + aor, e);
        }
        responses.send(null, ok);
    }

    private void intervalTooBrief(Request request) {
        Response r = responses.create(request, Response.INTERVAL_TOO_BRIEF, null);
        try {
            r.addHeader(factories.headers().createMinExpiresHeader((int) minExpires));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        responses.send(null, r);
    }

    private static List<String> toStrings(ListIterator<?> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(o -> out.add(String.valueOf(o)));
        return out;
    }
}
