package org.parley.server.events;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.server.transport.Outbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier side of one subscription dialog: its identifiers, route set and CSeq, and the NOTIFY pump (one NOTIFY
 * outstanding; a change while one is in flight is sent, with the newest state, after it completes). All methods run
 * on the subscription's own thread (see {@link SubscriptionManager#run}).
 */
final class NotifierDialog {
    private static final Logger LOG = LoggerFactory.getLogger(NotifierDialog.class);

    private final SubscriptionManager manager;
    private final Subscription subscription;
    private final EventPackage pkg;
    private final String callId;
    private final String localTag;
    private final String remoteTag;
    private final String remoteTarget;
    private final List<Address> routeSet = new ArrayList<>();
    private final Address resource;
    private final Address subscriber;
    private final String eventId;
    private long cseq;
    private boolean sending;
    private boolean dirty;
    private boolean full;
    private boolean terminated;

    NotifierDialog(SubscriptionManager manager, Subscription subscription, EventPackage pkg, Request subscribe,
                   String localTag, String eventId) {
        this.manager = manager;
        this.subscription = subscription;
        this.pkg = pkg;
        this.callId = ((CallIdHeader) subscribe.getHeader(CallIdHeader.NAME)).getCallId();
        this.localTag = localTag;
        FromHeader from = (FromHeader) subscribe.getHeader(FromHeader.NAME);
        this.remoteTag = from.getTag();
        this.subscriber = (Address) from.getAddress().clone();
        this.resource = (Address) ((ToHeader) subscribe.getHeader(ToHeader.NAME)).getAddress().clone();
        this.remoteTarget = contactUri(subscribe);
        ListIterator<?> rr = subscribe.getHeaders(RecordRouteHeader.NAME);
        while (rr.hasNext()) {
            routeSet.add((Address) ((RecordRouteHeader) rr.next()).getAddress().clone());
        }
        this.eventId = eventId;
    }

    static String contactUri(Request request) {
        ContactHeader c = (ContactHeader) request.getHeader(ContactHeader.NAME);
        return c == null || c.getAddress() == null ? null : c.getAddress().getURI().toString();
    }

    /** Dialog id of an initial SUBSCRIBE answered with {@code localTag}. */
    static String idOf(Request subscribe, String localTag) {
        String callId = ((CallIdHeader) subscribe.getHeader(CallIdHeader.NAME)).getCallId();
        return callId + '|' + ((FromHeader) subscribe.getHeader(FromHeader.NAME)).getTag() + '|' + localTag;
    }

    /** Dialog id of an in-dialog SUBSCRIBE (our tag is in To). */
    static String idOfInDialog(Request subscribe) {
        String callId = ((CallIdHeader) subscribe.getHeader(CallIdHeader.NAME)).getCallId();
        return callId + '|' + ((FromHeader) subscribe.getHeader(FromHeader.NAME)).getTag() + '|'
                + ((ToHeader) subscribe.getHeader(ToHeader.NAME)).getTag();
    }

    static SipURI serverContact(Outbound outbound, String transport) throws ParseException {
        SipURI uri = outbound.factories().addresses().createSipURI(null, outbound.domain().advertisedHost());
        uri.setPort(outbound.domain().portFor(transport));
        uri.setTransportParam(transport);
        return uri;
    }

    Subscription subscription() {
        return subscription;
    }

    String localTag() {
        return localTag;
    }

    String remoteTarget() {
        return remoteTarget;
    }

    /** The next NOTIFY carries full state (after SUBSCRIBE or refresh). */
    void markFull() {
        full = true;
        markDirty();
    }

    void markDirty() {
        dirty = true;
        pump();
    }

    private void pump() {
        if (terminated || sending || !dirty) {
            return;
        }
        boolean wasFull = full;
        full = false;
        dirty = false;
        EventPackage.Body body = pkg.body(subscription, wasFull);
        sending = true;
        boolean sent = send("active;expires=" + manager.secondsLeft(subscription), body,
                response -> manager.run(this, () -> onResponse(response.getStatusCode())));
        if (!sent) {
            onResponse(Response.SERVER_INTERNAL_ERROR);
        }
    }

    private void onResponse(int status) {
        sending = false;
        if (status >= 200 && status < 300) {
            pump();
            return;
        }
        LOG.debug("NOTIFY for {} got {}: ending the subscription", subscription, status);
        terminate(null, false);
    }

    /** Ends the subscription; with {@code notify}, sends a final NOTIFY carrying the state and the reason. */
    void terminate(String reason, boolean notify) {
        if (terminated) {
            return;
        }
        EventPackage.Body body = notify ? pkg.body(subscription, true) : null;
        terminated = true;
        manager.removed(this);
        try {
            pkg.onTerminated(subscription);
        } finally {
            if (notify) {
                send("terminated" + (reason == null ? "" : ";reason=" + reason), body, response -> {
                });
            }
        }
    }

    /** Builds and sends a NOTIFY; false when it could not even be built (logged). */
    private boolean send(String state, EventPackage.Body body, Outbound.Callback callback) {
        Outbound out = manager.outbound();
        try {
            URI target = out.factories().addresses().createURI(remoteTarget);
            Request notify = out.factories().messages().createRequest(target, Request.NOTIFY,
                    out.factories().headers().createCallIdHeader(callId),
                    out.factories().headers().createCSeqHeader(++cseq, Request.NOTIFY),
                    out.factories().headers().createFromHeader(resource, localTag),
                    out.factories().headers().createToHeader(subscriber, remoteTag),
                    new ArrayList<>(), out.factories().headers().createMaxForwardsHeader(70));
            for (Address route : routeSet) {
                notify.addHeader(out.factories().headers().createRouteHeader(route));
            }
            EventHeader event = out.factories().headers().createEventHeader(subscription.event());
            if (eventId != null) {
                event.setEventId(eventId);
            }
            notify.addHeader(event);
            notify.addHeader(out.factories().headers().createSubscriptionStateHeader(state));
            String transport = target instanceof SipURI sip && sip.getTransportParam() != null
                    ? sip.getTransportParam().toLowerCase(java.util.Locale.ROOT) : "udp";
            notify.addHeader(out.factories().headers().createContactHeader(
                    out.factories().addresses().createAddress(serverContact(out, transport))));
            if (body != null) {
                ContentTypeHeader ct = (ContentTypeHeader) out.factories().headers()
                        .createHeader(ContentTypeHeader.NAME, body.contentType());
                notify.setContent(body.content(), ct);
            }
            out.send(notify, callback);
            return true;
        } catch (ParseException | InvalidArgumentException | RuntimeException e) {
            LOG.warn("cannot build NOTIFY for {}: {}", subscription, e.toString());
            return false;
        }
    }
}
