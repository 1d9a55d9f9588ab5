package org.parley.server.transport;

import gov.nist.javax.sip.message.SIPMessage;
import java.net.InetAddress;
import java.util.Locale;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;

/** Where a message really came from: transport, source address and port (what {@code received}/{@code rport} say). */
public record RequestSource(String transport, String host, int port) {

    public static RequestSource of(Message message) {
        SIPMessage m = (SIPMessage) message;
        ViaHeader via = (ViaHeader) message.getHeader(ViaHeader.NAME);
        String transport = via == null || via.getTransport() == null ? "udp" : via.getTransport().toLowerCase(Locale.ROOT);
        InetAddress address = m.getPeerPacketSourceAddress() != null ? m.getPeerPacketSourceAddress() : m.getRemoteAddress();
        int port = m.getPeerPacketSourcePort() > 0 ? m.getPeerPacketSourcePort() : m.getRemotePort();
        String host = address == null ? "" : address.getHostAddress();
        return new RequestSource(transport, host, port);
    }
}
