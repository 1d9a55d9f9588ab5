package org.parley.server.uas;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.ListIterator;
import java.util.Locale;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.sdp.SessionDescription;
import org.parley.server.transport.LocalDomain;
import org.parley.server.transport.Responses;
import org.parley.server.transport.SipFactories;

/**
 * The messages of a server-side user agent's dialogs (RFC 3261 12.1.1, 15.1.1): the 200 that creates the dialog (our
 * tag, the INVITE's Record-Route, our Contact at the server so in-dialog requests come back here, the SDP answer),
 * and our own in-dialog requests to the caller: BYE and REFER (RFC 3515). Used by voicemail, the reception line and
 * the conference focus.
 */
public final class UasMessages {
    private final LocalDomain domain;
    private final Responses responses;
    private final SipFactories factories;

    public UasMessages(LocalDomain domain, Responses responses, SipFactories factories) {
        this.domain = domain;
        this.responses = responses;
        this.factories = factories;
    }

    /** The 200 to {@code invite} (initial or re-INVITE) with our tag, Contact {@code user} and the SDP answer. */
    public Response ok(Request invite, String localTag, String user, SessionDescription answer) throws ParseException {
        Response ok = responses.create(invite, Response.OK, null);
        ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(localTag);
        ListIterator<?> rr = invite.getHeaders(RecordRouteHeader.NAME);
        while (rr != null && rr.hasNext()) {
            ok.addHeader((RecordRouteHeader) ((RecordRouteHeader) rr.next()).clone());
        }
        ok.setHeader(contact(invite, user));
        ok.setContent(answer.encode(), factories.headers().createContentTypeHeader("application", "sdp"));
        return ok;
    }

    /** Our Contact: {@code sip:USER@HOST:PORT;transport=T} with the transport the INVITE came over. */
    public ContactHeader contact(Request invite, String user) throws ParseException {
        String transport = ((ViaHeader) invite.getHeader(ViaHeader.NAME)).getTransport().toLowerCase(Locale.ROOT);
        SipURI contact = factories.addresses().createSipURI(user, domain.advertisedHost());
        contact.setPort(domain.portFor(transport));
        contact.setTransportParam(transport);
        return factories.headers().createContactHeader(factories.addresses().createAddress(contact));
    }

    /** Our BYE in the dialog {@code invite} created, with CSeq {@code cseq}. */
    public Request bye(Request invite, String localTag, long cseq) throws ParseException, InvalidArgumentException {
        return inDialog(invite, localTag, cseq, Request.BYE);
    }

    /**
     * A REFER to {@code referTo} in the dialog of {@code invite}, with Referred-By {@code referredBy} (header values)
     * and our Contact {@code user}.
     */
    public Request refer(Request invite, String localTag, long cseq, String user, String referTo, String referredBy)
            throws ParseException, InvalidArgumentException {
        Request refer = inDialog(invite, localTag, cseq, Request.REFER);
        refer.addHeader(factories.headers().createHeader("Refer-To", referTo));
        refer.addHeader(factories.headers().createHeader("Referred-By", referredBy));
        refer.setHeader(contact(invite, user));
        return refer;
    }

    /** A request from us in the dialog: to the caller's Contact, along the INVITE's Record-Route. */
    public Request inDialog(Request invite, String localTag, long cseq, String method)
            throws ParseException, InvalidArgumentException {
        ContactHeader theirContact = (ContactHeader) invite.getHeader(ContactHeader.NAME);
        FromHeader theirFrom = (FromHeader) invite.getHeader(FromHeader.NAME);
        ToHeader ourTo = (ToHeader) invite.getHeader(ToHeader.NAME);
        HeaderFactory h = factories.headers();
        Request r = factories.messages().createRequest(
                theirContact != null ? theirContact.getAddress().getURI() : theirFrom.getAddress().getURI(), method,
                (CallIdHeader) invite.getHeader(CallIdHeader.NAME), h.createCSeqHeader(cseq, method),
                h.createFromHeader((Address) ourTo.getAddress().clone(), localTag),
                h.createToHeader(theirFrom.getAddress(), theirFrom.getTag()),
                new ArrayList<ViaHeader>(), h.createMaxForwardsHeader(70));
        ListIterator<?> rr = invite.getHeaders(RecordRouteHeader.NAME);
        while (rr != null && rr.hasNext()) {
            r.addHeader(h.createRouteHeader((Address) ((RecordRouteHeader) rr.next()).getAddress().clone()));
        }
        return r;
    }
}
