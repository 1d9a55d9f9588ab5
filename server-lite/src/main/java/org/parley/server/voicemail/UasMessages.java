package org.parley.server.voicemail;

import java.text.ParseException;
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
 * The messages of voicemail's dialogs as the user agent server (RFC 3261 12.1.1, 15.1.1): the 200 that creates the
 * dialog (our tag, the INVITE's Record-Route, our Contact at the server, the SDP answer) and our own BYE.
 */
final class UasMessages {
    private final LocalDomain domain;
    private final Responses responses;
    private final SipFactories factories;

    UasMessages(LocalDomain domain, Responses responses, SipFactories factories) {
        this.domain = domain;
        this.responses = responses;
        this.factories = factories;
    }

    Response ok(Request invite, String localTag, SessionDescription answer) throws ParseException {
        Response ok = responses.create(invite, Response.OK, null);
        ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(localTag);
        ListIterator<?> rr = invite.getHeaders(RecordRouteHeader.NAME);
        while (rr != null && rr.hasNext()) {
            ok.addHeader((RecordRouteHeader) ((RecordRouteHeader) rr.next()).clone());
        }
        String transport = ((ViaHeader) invite.getHeader(ViaHeader.NAME)).getTransport().toLowerCase(Locale.ROOT);
        SipURI contact = factories.addresses().createSipURI(VoicemailCalls.USER, domain.advertisedHost());
        contact.setPort(domain.portFor(transport));
        contact.setTransportParam(transport);
        ok.setHeader(factories.headers().createContactHeader(factories.addresses().createAddress(contact)));
        ok.setContent(answer.encode(), factories.headers().createContentTypeHeader("application", "sdp"));
        return ok;
    }

    /** Our BYE in the dialog of {@code invite}: to the caller's Contact, along the INVITE's Record-Route. */
    Request bye(Request invite, String localTag) throws ParseException, InvalidArgumentException {
        ContactHeader theirContact = (ContactHeader) invite.getHeader(ContactHeader.NAME);
        FromHeader theirFrom = (FromHeader) invite.getHeader(FromHeader.NAME);
        ToHeader ourTo = (ToHeader) invite.getHeader(ToHeader.NAME);
        HeaderFactory h = factories.headers();
        Request bye = factories.messages().createRequest(
                theirContact != null ? theirContact.getAddress().getURI() : theirFrom.getAddress().getURI(), Request.BYE,
                (CallIdHeader) invite.getHeader(CallIdHeader.NAME), h.createCSeqHeader(1L, Request.BYE),
                h.createFromHeader((Address) ourTo.getAddress().clone(), localTag),
                h.createToHeader(theirFrom.getAddress(), theirFrom.getTag()),
                new java.util.ArrayList<ViaHeader>(), h.createMaxForwardsHeader(70));
        ListIterator<?> rr = invite.getHeaders(RecordRouteHeader.NAME);
        while (rr != null && rr.hasNext()) {
            bye.addHeader(h.createRouteHeader((Address) ((RecordRouteHeader) rr.next()).getAddress().clone()));
        }
        return bye;
    }
}
