package org.parley.server.testsupport;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SIP user agent server over UDP on 127.0.0.1 for routing tests: answers every INVITE with a fixed status
 * (e.g. a gateway that says 486), ignores ACK, answers BYE and CANCEL 200, and keeps every request it got.
 */
public final class RawUas implements Closeable {
    private final DatagramSocket socket;
    private final int inviteStatus;
    private final List<SipMessage> requests = new CopyOnWriteArrayList<>();
    private final Thread thread;

    /** @param inviteStatus the final answer to INVITEs (0: none, only BYE/CANCEL are answered) */
    public RawUas(int inviteStatus) throws IOException {
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.inviteStatus = inviteStatus;
        this.thread = new Thread(this::loop, "raw-uas-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** {@code sip:user@127.0.0.1:port}. */
    public String uri(String user) {
        return "sip:" + user + "@127.0.0.1:" + port();
    }

    public List<SipMessage> requests() {
        return requests;
    }

    /** The requests of one method received so far. */
    public List<SipMessage> requests(String method) {
        return requests.stream().filter(m -> method.equals(m.method())).toList();
    }

    private void loop() {
        byte[] buf = new byte[65535];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                return;
            }
            String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
            if (text.isBlank() || text.startsWith("SIP/2.0")) {
                continue;
            }
            SipMessage m = SipMessage.parse(text);
            requests.add(m);
            switch (m.method()) {
                case "INVITE" -> {
                    if (inviteStatus > 0) {
                        answer(m, inviteStatus, p.getSocketAddress());
                    }
                }
                case "BYE", "CANCEL" -> answer(m, 200, p.getSocketAddress());
                default -> {
                }
            }
        }
    }

    private void answer(SipMessage request, int status, SocketAddress to) {
        StringBuilder r = new StringBuilder("SIP/2.0 ").append(status).append(status == 200 ? " OK" : " Answer").append("\r\n");
        for (String via : request.headers("via")) {
            r.append("Via: ").append(via).append("\r\n");
        }
        String toHeader = request.header("to");
        if (!toHeader.contains(";tag=")) {
            toHeader = toHeader + ";tag=uas" + port();
        }
        r.append("From: ").append(request.header("from")).append("\r\n")
                .append("To: ").append(toHeader).append("\r\n")
                .append("Call-ID: ").append(request.header("call-id")).append("\r\n")
                .append("CSeq: ").append(request.header("cseq")).append("\r\n")
                .append("Content-Length: 0\r\n\r\n");
        byte[] bytes = r.toString().getBytes(StandardCharsets.UTF_8);
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, to));
        } catch (IOException e) {
            // the test sees the missing answer
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
