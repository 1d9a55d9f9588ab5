package org.parley.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.SipTestClient;

/** The callee's side of a dialog, written by hand: its 200, its tag, and NOTIFYs along the route set. */
final class RawCallee {
    final SipMessage invite;
    final String tag = SipTestClient.newTag();

    private RawCallee(SipMessage invite) {
        this.invite = invite;
    }

    /** Takes the next INVITE and answers it 200 with an SDES answer to its first codec and crypto suite. */
    static RawCallee answer(SipTestClient raw) throws Exception {
        SipMessage invite = raw.expectRequest("INVITE", Duration.ofSeconds(10));
        assertThat(invite).as("the INVITE reached bob").isNotNull();
        RawCallee d = new RawCallee(invite);
        String offer = invite.body();
        String pt = offer.lines().filter(l -> l.startsWith("m=audio")).findFirst().orElseThrow().split(" ")[3];
        String rtpmap = offer.lines().filter(l -> l.startsWith("a=rtpmap:" + pt + " ")).findFirst().orElseThrow();
        String[] crypto = offer.lines().filter(l -> l.startsWith("a=crypto:")).findFirst().orElseThrow().split(" ");
        byte[] key = new byte[30];
        new java.security.SecureRandom().nextBytes(key);
        String answer = "v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\n"
                + "m=audio 40002 RTP/SAVP " + pt + "\n" + rtpmap + "\n" + crypto[0] + " " + crypto[1]
                + " inline:" + java.util.Base64.getEncoder().encodeToString(key) + "\na=sendrecv\n";
        raw.send(response(invite, "200 OK", d.tag).replace("\n\n", "\nContact: <" + raw.contact()
                + ">\nContent-Type: application/sdp\n\n" + answer));
        return d;
    }

    /** A response to {@code request} with its Via, From, To (plus {@code tag}), Call-ID, CSeq, Record-Route. */
    static String response(SipMessage request, String status, String tag) {
        StringBuilder r = new StringBuilder("SIP/2.0 " + status + "\n");
        request.headers("via").forEach(v -> r.append("Via: ").append(v).append('\n'));
        request.headers("record-route").forEach(v -> r.append("Record-Route: ").append(v).append('\n'));
        String to = request.header("to");
        r.append("From: ").append(request.header("from")).append('\n')
                .append("To: ").append(to).append(to.contains(";tag=") ? "" : ";tag=" + tag).append('\n')
                .append("Call-ID: ").append(request.header("call-id")).append('\n')
                .append("CSeq: ").append(request.header("cseq")).append("\n\n");
        return r.toString();
    }

    /** A NOTIFY of the refer event in this dialog (to the caller's Contact, along the recorded route). */
    String notify(SipTestClient raw, String state, String sipfrag) {
        String target = invite.header("contact").replaceAll("^.*<|>.*$", "");
        StringBuilder n = new StringBuilder("NOTIFY " + target + " SIP/2.0\n");
        n.append("Via: ").append(raw.via(SipTestClient.newBranch())).append('\n');
        invite.headers("record-route").forEach(v -> n.append("Route: ").append(v).append('\n'));
        n.append("Max-Forwards: 70\nFrom: ").append(invite.header("to")).append(";tag=").append(tag).append('\n')
                .append("To: ").append(invite.header("from")).append('\n')
                .append("Call-ID: ").append(invite.header("call-id")).append('\n')
                .append("CSeq: ").append(raw.nextCseq() + 100).append(" NOTIFY\n")
                .append("Contact: <").append(raw.contact()).append(">\n")
                .append("Event: refer\nSubscription-State: ").append(state).append('\n')
                .append("Content-Type: message/sipfrag;version=2.0\n\n").append(sipfrag).append("\r\n");
        return n.toString();
    }
}
