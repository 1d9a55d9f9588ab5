package org.parley.server.proxy;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.message.Request;
import org.parley.server.policy.Aors;
import org.parley.server.routing.HistoryInfo;
import org.parley.server.routing.RoutePlan;
import org.parley.server.transport.LocalDomain;
import org.parley.server.transport.SipFactories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The legs of one routed INVITE as requests: the template forwarded to each leg's contact with its History-Info
 * entries and, on a delegate's leg, {@code P-Called-Party-ID} naming the manager (decision 0022). Legs go out as the
 * branches of a new fork, or are added to a fork still ringing (delegates after the delay).
 */
final class RoutedLegs implements CallFlow.Legs {
    private static final Logger LOG = LoggerFactory.getLogger(RoutedLegs.class);

    /** The proxy's forking: a new fork of prepared requests, or more branches for one under way. */
    interface Branches {
        ForkContext fork(ServerTransaction server, Request original, List<Request> outs, ForkContext.Listener listener);

        void add(ForkContext fork, List<Request> outs);
    }

    private final Forwarder forwarder;
    private final SipFactories factories;
    private final LocalDomain domain;
    private final Request template;
    private final String hash;
    private final String inbound;
    private final String lastIndex;
    private final Branches branches;

    RoutedLegs(Forwarder forwarder, SipFactories factories, LocalDomain domain, Request template, String hash,
               String inbound, String lastIndex, Branches branches) {
        this.forwarder = forwarder;
        this.factories = factories;
        this.domain = domain;
        this.template = template;
        this.hash = hash;
        this.inbound = inbound;
        this.lastIndex = lastIndex;
        this.branches = branches;
    }

    @Override
    public ForkContext start(ServerTransaction server, Request original, List<RoutePlan.Leg> legs,
                             ForkContext.Listener listener) throws Exception {
        return branches.fork(server, original, requestsFor(legs), listener);
    }

    @Override
    public void add(ForkContext fork, List<RoutePlan.Leg> legs) {
        try {
            branches.add(fork, requestsFor(legs));
        } catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            LOG.debug("cannot add legs to a call: {}", e.getMessage());
        }
    }

    private List<Request> requestsFor(List<RoutePlan.Leg> legs) throws ParseException, InvalidArgumentException, SipException {
        List<Request> outs = new ArrayList<>(legs.size());
        for (RoutePlan.Leg leg : legs) {
            Request out = forwarder.forTarget(template, factories.addresses().createURI(leg.uri()), hash, true, inbound);
            for (String entry : HistoryInfo.entriesFor(leg, lastIndex)) {
                out.addHeader(factories.headers().createHeader(HistoryInfo.NAME, entry));
            }
            if (leg.onBehalfOf() != null) {
                out.setHeader(factories.headers().createHeader(DelegatedCalls.CALLED_PARTY,
                        "<" + Aors.of(leg.onBehalfOf(), domain.domain()) + ">"));
            }
            outs.add(out);
        }
        return outs;
    }

    /** The local user name in Referred-By (RFC 3892: who transferred this call here), or null. */
    static String referrer(Request request, SipFactories factories, LocalDomain domain) {
        Object h = request.getHeader("Referred-By");
        if (h == null) {
            return null;
        }
        String v = h.toString().trim();
        int colon = v.indexOf(':');
        v = colon < 0 ? v : v.substring(colon + 1).trim();
        int lt = v.indexOf('<');
        int gt = v.indexOf('>', lt + 1);
        String uri = lt >= 0 && gt > lt ? v.substring(lt + 1, gt) : v.split(";", 2)[0].trim();
        try {
            URI parsed = factories.addresses().createURI(uri);
            if (parsed instanceof SipURI sip && sip.getUser() != null && domain.isLocalHost(sip.getHost())) {
                return sip.getUser().toLowerCase(Locale.ROOT);
            }
        } catch (ParseException e) {
            LOG.debug("unreadable Referred-By {}: {}", v, e.getMessage());
        }
        return null;
    }
}
