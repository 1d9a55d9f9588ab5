package org.parley.server.testsupport;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.server.routing.VoicemailDesk;

/**
 * Stands in for the voicemail module (built elsewhere) in routing tests: the users given have a mailbox; a call
 * handed over is answered 200 with an SDP answer to its offer (same profile, PCMU, a fresh SDES key when the offer had
 * one) and a Contact on a {@link RawUas} that takes the ACK and BYE; each hand-over is recorded as (user, reason).
 */
public final class FakeVoicemailDesk implements VoicemailDesk, AutoCloseable {
    public record Taken(String user, String reason, long atMillis) {
    }

    private static final Pattern AUDIO = Pattern.compile("(?m)^m=audio \\d+ (\\S+) ");
    private static final Pattern CRYPTO = Pattern.compile("(?m)^a=crypto:(\\d+) (\\S+) ");

    private final Set<String> mailboxes;
    private final RawUas uas;
    private final List<Taken> taken = new CopyOnWriteArrayList<>();

    public FakeVoicemailDesk(Set<String> mailboxes) throws IOException {
        this.mailboxes = Set.copyOf(mailboxes);
        this.uas = new RawUas(0);
    }

    public List<Taken> taken() {
        return taken;
    }

    public RawUas uas() {
        return uas;
    }

    @Override
    public boolean hasMailbox(String user) {
        return mailboxes.contains(user);
    }

    @Override
    public void takeCall(ServerTransaction transaction, Request invite, String user, String reason) {
        taken.add(new Taken(user, reason, System.currentTimeMillis()));
        try {
            SipFactory f = SipFactory.getInstance();
            f.setPathName("gov.nist");
            MessageFactory messages = f.createMessageFactory();
            HeaderFactory headers = f.createHeaderFactory();
            AddressFactory addresses = f.createAddressFactory();
            Response ok = messages.createResponse(Response.OK, invite);
            ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag("vm" + Integer.toHexString(invite.hashCode()));
            ok.addHeader(headers.createContactHeader(addresses.createAddress(uas.uri("vm-" + user))));
            ok.setContent(answer(new String(invite.getRawContent() == null ? new byte[0] : invite.getRawContent(),
                    java.nio.charset.StandardCharsets.UTF_8)), headers.createContentTypeHeader("application", "sdp"));
            transaction.sendResponse(ok);
        } catch (Exception e) {
            throw new IllegalStateException("fake voicemail could not answer: " + e, e);
        }
    }

    private String answer(String offer) {
        Matcher m = AUDIO.matcher(offer);
        String profile = m.find() ? m.group(1) : "RTP/AVP";
        StringBuilder sdp = new StringBuilder("v=0\r\no=vm 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n")
                .append("m=audio ").append(uas.port() + 1000).append(' ').append(profile).append(" 0\r\n")
                .append("a=rtpmap:0 PCMU/8000\r\n");
        Matcher c = CRYPTO.matcher(offer);
        if (c.find()) {
            byte[] key = new byte[30];
            new SecureRandom().nextBytes(key);
            sdp.append("a=crypto:").append(c.group(1)).append(' ').append(c.group(2)).append(" inline:")
                    .append(Base64.getEncoder().encodeToString(key)).append("\r\n");
        }
        return sdp.append("a=recvonly\r\n").toString();
    }

    @Override
    public void close() {
        uas.close();
    }
}
