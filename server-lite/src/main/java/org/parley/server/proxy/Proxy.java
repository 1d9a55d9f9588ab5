package org.parley.server.proxy;

import gov.nist.javax.sip.ServerTransactionExt;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.server.auth.DigestAuthenticator;
import org.parley.server.auth.Gatekeeper;
import org.parley.server.cdr.CallDetails;
import org.parley.server.policy.Aors;
import org.parley.server.routing.CallRouter;
import org.parley.server.routing.HistoryInfo;
import org.parley.server.routing.VoicemailDesk;
import org.parley.server.registrar.Binding;
import org.parley.server.registrar.BindingTable;
import org.parley.server.transport.LocalDomain;
import org.parley.server.transport.RequestDispatcher;
import org.parley.server.transport.RequestSource;
import org.parley.server.transport.Responses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stateful proxy (RFC 3261 §16): authenticates who originates (407), routes initial requests to every
 * registered contact of a local user (404 unknown, 480 not registered), follows Route headers for in-dialog
 * requests, records the route, detects loops (482) and exhausted Max-Forwards (483), and relays CANCEL and ACK.
 */
public final class Proxy implements RequestDispatcher.ProxyHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Proxy.class);

    private final LocalDomain domain;
    private final DigestAuthenticator authenticator;
    private final Gatekeeper gatekeeper;
    private final BindingTable bindings;
    private final Predicate<String> userExists;
    private final Responses responses;
    private final SipProvider provider;
    private final Forwarder forwarder;
    private final ScheduledExecutorService timers;
    private final org.parley.server.transport.SipFactories factories;
    private final Calls calls;
    private final Forks forks;

    /**
     * What INVITEs for local users go through: the router of forwarding and DND rules, the voicemail desk it may hand
     * calls to, and the call detail records.
     */
    public record Calls(CallRouter router, VoicemailDesk voicemail, CallDetails records, DelegatedCalls delegation,
                        RingGroups ringGroups) {
        public Calls(CallRouter router, VoicemailDesk voicemail, CallDetails records, DelegatedCalls delegation) {
            this(router, voicemail, records, delegation, RingGroups.NONE);
        }

        public Calls(CallRouter router, VoicemailDesk voicemail, CallDetails records) {
            this(router, voicemail, records, DelegatedCalls.NONE);
        }
    }

    public Proxy(LocalDomain domain, DigestAuthenticator authenticator, Gatekeeper gatekeeper, BindingTable bindings, Predicate<String> userExists,
                 Responses responses, SipProvider provider, org.parley.server.transport.SipFactories factories,
                 org.parley.server.transport.ContactRouter router, ScheduledExecutorService timers, Calls calls) {
        this.calls = calls;
        this.domain = domain;
        this.authenticator = authenticator;
        this.gatekeeper = gatekeeper;
        this.bindings = bindings;
        this.userExists = userExists;
        this.responses = responses;
        this.provider = provider;
        this.forwarder = new Forwarder(domain, factories, router);
        this.forks = new Forks(provider, responses, timers, forwarder);
        this.timers = timers;
        this.factories = factories;
    }

    @Override
    public void onRequest(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        if (Request.ACK.equals(method)) {
            forwardAck(request);
            return;
        }
        if (Request.CANCEL.equals(method)) {
            relayCancel(event);
            return;
        }
        MaxForwardsHeader mf = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        if (mf != null && mf.getMaxForwards() <= 0) {
            responses.reply(event.getServerTransaction(), request, Response.TOO_MANY_HOPS, null);
            return;
        }
        String hash = Forwarder.loopHash(request);
        if (forwarder.isLoop(request, hash)) {
            responses.reply(event.getServerTransaction(), request, Response.LOOP_DETECTED, null);
            return;
        }
        ServerTransaction server = responses.serverTransaction(event);
        if (server == null) {
            return;
        }
        if (Request.INVITE.equals(method)) {
            responses.reply(server, request, Response.TRYING, null);
        }
        try {
            route(server, request, hash);
        } catch (ParseException | InvalidArgumentException | SipException e) {
            LOG.debug("cannot forward {}: {}", method, e.getMessage());
            responses.reply(server, request, Response.BAD_REQUEST, "Cannot forward: " + e.getMessage());
        }
    }

    private void route(ServerTransaction server, Request request, String hash)
            throws ParseException, InvalidArgumentException, SipException {
        String inbound = RequestSource.of(request).transport();
        boolean inDialog = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null;
        if (inDialog) {
            if (Request.BYE.equals(request.getMethod())) {
                calls.records().byeSeen(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId());
            }
            // follows the route set recorded at dialog creation; the dialog's peers are already authenticated
            Request template = forwardable(request);
            fork(server, request, template, List.of(template.getRequestURI()), hash, false, inbound);
            return;
        }
        java.util.Optional<String> originator = gatekeeper.admit(server, request, true);
        if (originator.isEmpty()) {
            return;
        }
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        if (!(from.getAddress().getURI() instanceof SipURI fromUri) || fromUri.getUser() == null
                || !originator.get().equals(fromUri.getUser().toLowerCase(Locale.ROOT)) || !domain.isLocalHost(fromUri.getHost())) {
            responses.reply(server, request, Response.FORBIDDEN, "From does not match the authenticated user");
            return;
        }
        // copied only now: a challenged request (half of all initial INVITEs) is answered without a copy
        Request template = forwardable(request);
        authenticator.stripProxyCredentials(template);
        boolean invite = Request.INVITE.equals(request.getMethod());
        // identities only this server asserts (RFC 3325 trust domain): never taken from a client
        template.removeHeader(DelegatedCalls.ASSERTED_IDENTITY);
        template.removeHeader(DelegatedCalls.CALLED_PARTY);
        if (invite) {
            String refused = calls.delegation().authorize(originator.get(), template);
            if (refused != null) {
                responses.reply(server, request, Response.FORBIDDEN, refused);
                return;
            }
        } else {
            template.removeHeader(DelegatedCalls.SERVED_USER);
            template.removeHeader(DelegatedCalls.PREFERRED_IDENTITY);
        }
        CallDetails.Call record = invite ? calls.records().begin(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId(),
                Aors.of(fromUri), Aors.of(request.getRequestURI())) : null;
        ForkContext.Listener recorder = record == null ? null : new CallRecorder(record);
        if (template.getHeader(RouteHeader.NAME) != null) {
            // a pre-loaded route set (e.g. an outbound route chosen by the client): follow it
            fork(server, request, template, List.of(template.getRequestURI()), hash, true, inbound, recorder);
            return;
        }
        URI target = template.getRequestURI();
        if (!domain.isLocal(target)) {
            if (record != null) {
                record.routed(Aors.of(target), null);
            }
            fork(server, request, template, List.of(target), hash, true, inbound, recorder);
            return;
        }
        SipURI sip = (SipURI) target;
        String user = sip.getUser() == null ? null : sip.getUser().toLowerCase(Locale.ROOT);
        java.util.Optional<RingGroups.Group> group = invite ? calls.ringGroups().resolve(sip, Aors.of(fromUri))
                : java.util.Optional.empty();
        if (group.isPresent()) {
            ringGroup(server, request, template, hash, inbound, group.get(), record);
            return;
        }
        if (user == null || !userExists.test(user)) {
            responses.reply(server, request, Response.NOT_FOUND, user == null ? "No user in the Request-URI" : null);
            if (record != null) {
                record.finished(Response.NOT_FOUND, false);
            }
            return;
        }
        if (invite) {
            routeCall(server, request, template, hash, inbound, user, Aors.of(fromUri), record);
            return;
        }
        List<Binding> contacts = bindings.lookup(user);
        if (contacts.isEmpty()) {
            responses.reply(server, request, Response.TEMPORARILY_UNAVAILABLE, null);
            return;
        }
        List<URI> targets = new ArrayList<>(contacts.size());
        for (Binding b : contacts) {
            targets.add(factories.addresses().createURI(b.contactUri()));
        }
        fork(server, request, template, targets, hash, true, inbound);
    }

    /** An INVITE for local {@code user}: its forwarding and DND rules decide where it goes (docs/protocol.md). */
    private void routeCall(ServerTransaction server, Request request, Request template, String hash, String inbound,
                           String user, String callerAor, CallDetails.Call record) {
        List<String> values = new ArrayList<>();
        request.getHeaders(HistoryInfo.NAME).forEachRemaining(h -> values.add(headerValue(h)));
        List<HistoryInfo.Entry> history = HistoryInfo.parse(values);
        // our entries continue the request's last index (an upstream entry without one counts as "1")
        String lastIndex = history.isEmpty() ? null
                : java.util.Objects.requireNonNullElse(history.get(history.size() - 1).index(), "1");
        Set<String> forwarded = HistoryInfo.forwardedUsers(history, domain.domain(), user);
        CallFlow.Legs legs = new RoutedLegs(forwarder, factories, domain, template, hash, inbound, lastIndex, forks);
        CallFlow flow = new CallFlow(calls.router(), calls.voicemail(), responses, timers, server, request, record, legs,
                calls.delegation());
        flow.execute(calls.router().route(user, callerAor, forwarded,
                RoutedLegs.referrer(request, factories, domain)));
    }

    /** An INVITE for a ring group: every registered device of its members rings at once (see {@link RingGroups}). */
    private void ringGroup(ServerTransaction server, Request request, Request template, String hash, String inbound,
                           RingGroups.Group group, CallDetails.Call record) {
        new GroupRing(domain, bindings, responses, timers).ring(server, request, group, record,
                new RoutedLegs(forwarder, factories, domain, template, hash, inbound, null, forks));
    }

    private static String headerValue(Object header) {
        String text = header.toString().trim();
        int colon = text.indexOf(':');
        return colon < 0 ? text : text.substring(colon + 1).trim();
    }

    /** A copy of the request with route pre-processing and Max-Forwards applied (RFC 3261 §16.4, §16.6). */
    private Request forwardable(Request request) throws InvalidArgumentException, SipException {
        Request template = (Request) request.clone();
        forwarder.preprocess(template);
        return template;
    }

    private ForkContext fork(ServerTransaction server, Request original, Request template, List<URI> targets, String hash,
                      boolean recordRoute, String inbound) throws ParseException, InvalidArgumentException, SipException {
        return forks.fork(server, original, template, targets, hash, recordRoute, inbound, null);
    }

    private ForkContext fork(ServerTransaction server, Request original, Request template, List<URI> targets, String hash,
                      boolean recordRoute, String inbound, ForkContext.Listener listener) throws ParseException, InvalidArgumentException, SipException {
        return forks.fork(server, original, template, targets, hash, recordRoute, inbound, listener);
    }

    @Override
    public void onResponse(ResponseEvent event) {
        Response response = event.getResponse();
        ClientTransaction ct = event.getClientTransaction();
        Object data = ct == null ? null : ct.getApplicationData();
        if (!(data instanceof ForkContext.Branch branch)) {
            forwardStatelessResponse(response);
            return;
        }
        if (Request.CANCEL.equals(ct.getRequest().getMethod())) {
            return;
        }
        if (response.getStatusCode() < 200) {
            branch.context.onProvisional(branch, response);
        } else {
            branch.context.onFinal(branch, response);
        }
    }

    @Override
    public void onTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            return;
        }
        Object data = event.getClientTransaction().getApplicationData();
        if (data instanceof ForkContext.Branch branch) {
            branch.context.onFinal(branch, responses.create(branch.request, Response.REQUEST_TIMEOUT, null));
        }
    }

    /** A response no transaction of ours expects (e.g. a 2xx retransmission): pop our Via and pass it on. */
    private void forwardStatelessResponse(Response response) {
        ViaHeader top = (ViaHeader) response.getHeader(ViaHeader.NAME);
        if (!forwarder.isOurVia(top)) {
            return;
        }
        Response copy = (Response) response.clone();
        copy.removeFirst(ViaHeader.NAME);
        if (copy.getHeader(ViaHeader.NAME) != null) {
            responses.send(null, copy);
        }
    }

    /** ACK for a 2xx is end-to-end: forward statelessly along the route set. */
    private void forwardAck(Request ack) {
        try {
            Request out = (Request) ack.clone();
            forwarder.preprocess(out);
            if (forwarder.nextHopIsMe(out)) {
                return;
            }
            provider.sendRequest(forwarder.forStateless(out, Forwarder.loopHash(ack)));
        } catch (SipException | ParseException | InvalidArgumentException | RuntimeException e) {
            LOG.debug("cannot forward ACK: {}", e.getMessage());
        }
    }

    private void relayCancel(RequestEvent event) {
        ServerTransaction cancelTx = responses.serverTransaction(event);
        if (cancelTx == null) {
            return;
        }
        ServerTransaction invite = ((ServerTransactionExt) cancelTx).getCanceledInviteTransaction();
        Object data = invite == null ? null : invite.getApplicationData();
        if (data == CallFlow.TAKEN_BY_VOICEMAIL) {
            // the mailbox has the call; before it answered, the caller's CANCEL ends it here (RFC 3261 §9.2)
            responses.reply(cancelTx, event.getRequest(), Response.OK, null);
            if (invite.getState() == javax.sip.TransactionState.PROCEEDING) {
                responses.reply(invite, invite.getRequest(), Response.REQUEST_TERMINATED, null);
            }
            return;
        }
        if (!(data instanceof ForkContext context)) {
            responses.reply(cancelTx, event.getRequest(), Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            return;
        }
        responses.reply(cancelTx, event.getRequest(), Response.OK, null);
        context.callerCancelled();
    }

}
