package org.parley.server.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.parley.core.media.AudioCodec;
import org.parley.core.media.AudioSession;
import org.parley.core.media.AudioSource;
import org.parley.core.media.MediaDirection;
import org.parley.core.media.MediaEngine;
import org.parley.core.media.PcmRecorder;
import org.parley.core.sdp.Codec;
import org.parley.core.sdp.Direction;
import org.parley.core.sdp.LocalMedia;
import org.parley.core.sdp.Negotiated;
import org.parley.core.sdp.OfferAnswer;
import org.parley.core.sdp.SessionDescription;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.SipTestClient;

/**
 * A caller made of raw SIP (a {@link SipTestClient}) and a real core {@link AudioSession}: INVITE with an SDP offer
 * (plain RTP or SRTP-SDES, the codecs given), ACK, a tone sent all along, BYE; what voicemail sends is recorded.
 */
final class RawCaller implements Closeable {
    final SipTestClient sip;
    final PcmRecorder heard = new PcmRecorder(30);
    private final AudioSession session;
    private final String callId = UUID.randomUUID() + "@raw";
    private final String fromTag = SipTestClient.newTag();
    private String target;
    private String toTag;
    private String remoteContact;
    private SipMessage ok;
    private long answeredAt;
    private int repeated200s;

    RawCaller(SipTestClient sip, MediaEngine engine, double toneHz, boolean srtp) throws IOException {
        this.sip = sip;
        this.session = engine.openAudio(InetAddress.getLoopbackAddress(), 0, AudioSource.tone(toneHz, 0.5), heard, srtp);
    }

    private String invite(String uri, int cseq, String branch, String auth, String sdp) {
        String from = "sip:" + sip.user() + "@" + sip.domain();
        return "INVITE " + uri + " SIP/2.0\n"
                + "Via: " + sip.via(branch) + "\n"
                + "Max-Forwards: 70\n"
                + "From: \"Raw " + sip.user() + "\" <" + from + ">;tag=" + fromTag + "\n"
                + "To: <" + uri + ">\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: " + cseq + " INVITE\n"
                + "Contact: <" + sip.contact() + ">\n"
                + auth
                + "Content-Type: application/sdp\n"
                + "\n" + sdp;
    }

    /** Calls {@code uri} with an offer of {@code codecs}; returns the final response (answers 407 once). */
    SipMessage call(String uri, List<Codec> codecs, String password) throws IOException {
        this.target = uri;
        List<String> crypto = session.srtp() ? session.offerCrypto() : List.of();
        LocalMedia local = new LocalMedia("127.0.0.1", session.localRtpPort(), codecs, crypto, !session.srtp(), "raw", 1);
        SessionDescription offer = OfferAnswer.offer(local, Direction.SENDRECV, 1);
        String sdp = offer.encode();
        int cseq = sip.nextCseq();
        String branch = SipTestClient.newBranch();
        sip.send(invite(uri, cseq, branch, "", sdp));
        SipMessage r = finalFor(cseq);
        if (r != null && r.status() == 407 && password != null) {
            // ACK the 407 (same branch), then again with credentials
            sip.send("ACK " + uri + " SIP/2.0\nVia: " + sip.via(branch) + "\nMax-Forwards: 70\nFrom: " + r.header("from")
                    + "\nTo: " + r.header("to") + "\nCall-ID: " + callId + "\nCSeq: " + cseq + " ACK\n\n");
            String auth = "Proxy-Authorization: " + SipTestClient.authorization(r.header("proxy-authenticate"),
                    sip.user(), password, "INVITE", uri) + "\n";
            cseq = sip.nextCseq();
            sip.send(invite(uri, cseq, SipTestClient.newBranch(), auth, sdp));
            r = finalFor(cseq);
        }
        if (r == null || r.status() != 200) {
            return r;
        }
        ok = r;
        answeredAt = System.nanoTime();
        toTag = r.tag("to");
        String contact = r.header("contact");
        remoteContact = contact.substring(contact.indexOf('<') + 1, contact.indexOf('>'));
        SessionDescription answer = SessionDescription.parse(r.body());
        Negotiated n = OfferAnswer.negotiated(offer, answer);
        assertThat(n).as("a usable answer:\n%s", r.body()).isNotNull();
        if (session.srtp()) {
            session.acceptCryptoAnswer(n.remoteCrypto());
        }
        AudioCodec codec = List.of(AudioCodec.values()).stream()
                .filter(c -> c.encoding().equalsIgnoreCase(n.codec().name())).findFirst().orElseThrow();
        session.start(new InetSocketAddress(n.remoteAddress(), n.remotePort()),
                new InetSocketAddress(n.remoteAddress(), n.remoteRtcpPort()), codec, n.codec().payloadType(),
                MediaDirection.SENDRECV);
        sip.send(inDialog("ACK", r.header("cseq").split(" ")[0].trim()));
        return r;
    }

    private SipMessage finalFor(int cseq) throws IOException {
        return sip.expect(m -> m.isResponse() && m.status() >= 200 && m.header("cseq").equals(cseq + " INVITE"),
                Duration.ofSeconds(30));
    }

    /** Starts and stops one PCMU stream (to the discard port), so the first real call's media starts at once. */
    static void warmUp(MediaEngine engine) throws IOException, InterruptedException {
        try (AudioSession s = engine.openAudio(InetAddress.getLoopbackAddress(), 0, AudioSource.silence(),
                new PcmRecorder(1), false)) {
            s.start(new InetSocketAddress("127.0.0.1", 9), new InetSocketAddress("127.0.0.1", 10), AudioCodec.PCMU, 0,
                    MediaDirection.SENDRECV);
            Thread.sleep(200);
        }
    }

    /** Sleeps until {@code seconds} after the answer (whatever time starting the media here took). */
    void talkUntil(double seconds) throws IOException {
        long end = answeredAt + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            SipMessage m = sip.receive(Duration.ofNanos(Math.max(1_000_000, end - System.nanoTime())));
            if (m != null && m.isResponse() && m.status() == 200 && m.header("cseq").endsWith("INVITE")) {
                repeated200s++;
            }
        }
    }

    /** 200s of the INVITE received again while talking (voicemail resends its 200 until the ACK reaches it). */
    int repeated200s() {
        return repeated200s;
    }

    SipMessage ok() {
        return ok;
    }

    String answerSdp() {
        return ok.body();
    }

    private String inDialog(String method, String cseq) {
        String from = "sip:" + sip.user() + "@" + sip.domain();
        return method + " " + remoteContact + " SIP/2.0\n"
                + "Via: " + sip.via(SipTestClient.newBranch()) + "\n"
                + "Max-Forwards: 70\n"
                + "From: <" + from + ">;tag=" + fromTag + "\n"
                + "To: <" + target + ">;tag=" + toTag + "\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: " + cseq + " " + method + "\n"
                + "\n";
    }

    /** Hangs up; returns the BYE's final response. */
    SipMessage hangUp() throws IOException {
        String cseq = Integer.toString(sip.nextCseq() + 100);
        sip.send(inDialog("BYE", cseq));
        SipMessage r = sip.expect(m -> m.isResponse() && m.status() >= 200 && m.header("cseq").equals(cseq + " BYE"),
                Duration.ofSeconds(10));
        session.close();
        return r;
    }

    /** Waits for voicemail's own BYE, answers it 200, and stops the media. */
    SipMessage awaitBye(Duration within) throws IOException {
        SipMessage bye = sip.expectRequest("BYE", within);
        if (bye != null) {
            sip.send("SIP/2.0 200 OK\n"
                    + bye.headers("via").stream().map(v -> "Via: " + v + "\n").reduce("", String::concat)
                    + "From: " + bye.header("from") + "\n"
                    + "To: " + bye.header("to") + "\n"
                    + "Call-ID: " + bye.header("call-id") + "\n"
                    + "CSeq: " + bye.header("cseq") + "\n"
                    + "\n");
        }
        session.close();
        return bye;
    }

    @Override
    public void close() throws IOException {
        session.close();
        sip.close();
    }
}
