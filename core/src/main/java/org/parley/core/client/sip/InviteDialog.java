package org.parley.core.client.sip;

import gov.nist.javax.sip.Utils;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ListIterator;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.sip.SipRequests;
import org.parley.core.sip.UserAgent;

/**
 * The dialog of one INVITE session as the client keeps it (RFC 3261 §12; the stack's own dialog support is off):
 * Call-ID, both tags, the peer's target and the route set recorded by the proxy, to build the ACK and the BYE.
 */
final class InviteDialog {
    private final String callId;
    private final String localTag;
    private final String remoteTag;
    private final String remoteUri;
    private final String remoteTarget;
    private final List<String> routeSet;
    private long cseq;

    private InviteDialog(String callId, String localTag, String remoteTag, String remoteUri, String remoteTarget,
                         List<String> routeSet, long cseq) {
        this.callId = callId;
        this.localTag = localTag;
        this.remoteTag = remoteTag;
        this.remoteUri = remoteUri;
        this.remoteTarget = remoteTarget;
        this.routeSet = routeSet;
        this.cseq = cseq;
    }

    /** The caller's view, from its INVITE and the 2xx that answered it. */
    static InviteDialog asCaller(Request invite, Response ok) {
        List<String> routes = recordRoutes(ok);
        Collections.reverse(routes);
        ContactHeader contact = (ContactHeader) ok.getHeader(ContactHeader.NAME);
        String to = ((ToHeader) ok.getHeader(ToHeader.NAME)).getAddress().getURI().toString();
        return new InviteDialog(callId(invite), ((FromHeader) invite.getHeader(FromHeader.NAME)).getTag(),
                ((ToHeader) ok.getHeader(ToHeader.NAME)).getTag(), to,
                contact == null ? to : contact.getAddress().getURI().toString(), routes,
                ((CSeqHeader) ok.getHeader(CSeqHeader.NAME)).getSeqNumber());
    }

    /** The callee's view, from the INVITE it received and the tag it answers with. */
    static InviteDialog asCallee(Request invite, String localTag) {
        ContactHeader contact = (ContactHeader) invite.getHeader(ContactHeader.NAME);
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        String fromUri = from.getAddress().getURI().toString();
        return new InviteDialog(callId(invite), localTag, from.getTag(), fromUri,
                contact == null ? fromUri : contact.getAddress().getURI().toString(), recordRoutes(invite), 0);
    }

    static String callId(Message m) {
        return ((CallIdHeader) m.getHeader(CallIdHeader.NAME)).getCallId();
    }

    private static List<String> recordRoutes(Message m) {
        List<String> out = new ArrayList<>();
        ListIterator<?> it = m.getHeaders(RecordRouteHeader.NAME);
        while (it.hasNext()) {
            out.add(((RecordRouteHeader) it.next()).getAddress().toString());
        }
        return out;
    }

    String callId() {
        return callId;
    }

    String localTag() {
        return localTag;
    }

    String remoteTag() {
        return remoteTag;
    }

    /** The peer's address of record (To for the caller, From for the callee). */
    String remoteUri() {
        return remoteUri;
    }

    /** Any other request in this dialog (REFER, NOTIFY) with the next local CSeq. */
    Request request(SipRequests requests, String method) {
        cseq++;
        return inDialog(requests, method, cseq);
    }

    /** Sends the ACK of the 2xx (end to end, outside any transaction). */
    void ack(SipRequests requests, UserAgent ua) throws SipException {
        ua.endpoint().provider().sendRequest(inDialog(requests, Request.ACK, cseq));
    }

    /** A re-INVITE in this dialog (the next local CSeq); the caller adds the SDP offer. */
    Request reinvite(SipRequests requests) {
        cseq++;
        return inDialog(requests, Request.INVITE, cseq);
    }

    /** Sends the ACK of the 2xx {@code ok} to an INVITE of this dialog, with that INVITE's CSeq. */
    void ack(SipRequests requests, UserAgent ua, Response ok) throws SipException {
        long seq = ((CSeqHeader) ok.getHeader(CSeqHeader.NAME)).getSeqNumber();
        cseq = Math.max(cseq, seq);
        ua.endpoint().provider().sendRequest(inDialog(requests, Request.ACK, seq));
    }

    /** A BYE in this dialog (the next local CSeq). */
    Request bye(SipRequests requests) {
        cseq++;
        return inDialog(requests, Request.BYE, cseq);
    }

    private Request inDialog(SipRequests requests, String method, long seq) {
        Request r = requests.create(method, remoteTarget, remoteUri, remoteTag, callId, seq, localTag);
        try {
            ((ViaHeader) r.getHeader(ViaHeader.NAME)).setBranch(Utils.getInstance().generateBranchId());
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        for (String route : routeSet) {
            r.addHeader(requests.parseHeader("Route", route));
        }
        return r;
    }

    /** Copies the INVITE's Record-Route into a response to it when the factory did not. */
    static void copyRecordRoute(Request invite, Response response) {
        if (response.getHeader(RecordRouteHeader.NAME) != null) {
            return;
        }
        ListIterator<?> it = invite.getHeaders(RecordRouteHeader.NAME);
        while (it.hasNext()) {
            response.addHeader((RecordRouteHeader) ((RecordRouteHeader) it.next()).clone());
        }
    }
}
