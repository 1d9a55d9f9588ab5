package org.parley.server.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.parley.core.sip.DigestAlgorithm;

/**
 * A minimal SIP endpoint for protocol tests: sends hand-written messages over UDP, TCP or TLS from 127.0.0.1 and
 * reads what comes back, so tests see exactly the bytes on the wire. Not a user agent: tests script every step.
 */
public final class SipTestClient implements Closeable {
    public enum Transport { UDP, TCP, TLS }

    private final Transport transport;
    private final String serverHost;
    private final int serverPort;
    private final DatagramSocket udp;
    private final Socket stream;
    private final InputStream in;
    private final OutputStream out;
    private final AtomicInteger cseq = new AtomicInteger(1);
    private final String user;
    private final String domain;

    public SipTestClient(Transport transport, String serverHost, int serverPort, String user, String domain) throws IOException {
        this.transport = transport;
        this.serverHost = serverHost;
        this.serverPort = serverPort;
        this.user = user;
        this.domain = domain;
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        if (transport == Transport.UDP) {
            udp = new DatagramSocket(new InetSocketAddress(lo, 0));
            stream = null;
            in = null;
            out = null;
        } else {
            udp = null;
            stream = transport == Transport.TLS ? tlsSocket(serverHost, serverPort) : new Socket(serverHost, serverPort);
            stream.setSoTimeout(5000);
            in = stream.getInputStream();
            out = stream.getOutputStream();
        }
    }

    private static Socket tlsSocket(String host, int port) throws IOException {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            // tests accept the server's self-signed certificate; pinning is the client's business (a later issue)
            ctx.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {
                }

                @Override
                public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {
                }

                @Override
                public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                    return new java.security.cert.X509Certificate[0];
                }
            }}, null);
            SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(host, port);
            s.startHandshake();
            return s;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    public String user() {
        return user;
    }

    public String domain() {
        return domain;
    }

    public int localPort() {
        return udp != null ? udp.getLocalPort() : stream.getLocalPort();
    }

    public String transportName() {
        return transport.name();
    }

    public String transportParam() {
        return transport.name().toLowerCase(Locale.ROOT);
    }

    /** Our contact URI. */
    public String contact() {
        return "sip:" + user + "@127.0.0.1:" + localPort() + ";transport=" + transportParam();
    }

    public String via(String branch) {
        return "SIP/2.0/" + transport.name() + " 127.0.0.1:" + localPort() + ";rport;branch=" + branch;
    }

    public static String newBranch() {
        return "z9hG4bK" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    public static String newTag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public int nextCseq() {
        return cseq.getAndIncrement();
    }

    /** Sends a message; fixes up Content-Length from the body. Lines end with CRLF. */
    public void send(String message) throws IOException {
        String m = message.replace("\r\n", "\n").replace("\n", "\r\n");
        int split = m.indexOf("\r\n\r\n");
        String head = split < 0 ? m.stripTrailing() : m.substring(0, split);
        String body = split < 0 ? "" : m.substring(split + 4);
        if (!head.toLowerCase(Locale.ROOT).contains("\r\ncontent-length:")) {
            head = head + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length;
        }
        sendRaw((head + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
    }

    public void sendRaw(byte[] bytes) throws IOException {
        if (udp != null) {
            udp.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(serverHost, serverPort)));
        } else {
            out.write(bytes);
            out.flush();
        }
    }

    /** The next message (requests held back by {@link #authenticated} first), or null when nothing arrives in time. */
    public SipMessage receive(Duration timeout) throws IOException {
        SipMessage h = held.poll();
        return h != null ? h : readNext(timeout);
    }

    private SipMessage readNext(Duration timeout) throws IOException {
        try {
            if (udp != null) {
                udp.setSoTimeout((int) timeout.toMillis());
                byte[] buf = new byte[65535];
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                udp.receive(p);
                return SipMessage.parse(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
            }
            stream.setSoTimeout((int) timeout.toMillis());
            return readFramed();
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    /** Receives until a message satisfying the filter arrives (others, like 100 Trying, are skipped). */
    public SipMessage expect(java.util.function.Predicate<SipMessage> wanted, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            SipMessage m = receive(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            if (m != null && wanted.test(m)) {
                return m;
            }
        }
        return null;
    }

    public SipMessage expectResponse(Duration timeout) throws IOException {
        return expect(m -> m.isResponse() && m.status() >= 200, timeout);
    }

    public SipMessage expectRequest(String method, Duration timeout) throws IOException {
        return expect(m -> method.equals(m.method()), timeout);
    }

    private SipMessage readFramed() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (head.size() == 0 && (b == '\r' || b == '\n')) {
                continue; // keep-alive CRLFs
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        String h = head.toString(StandardCharsets.UTF_8);
        SipMessage headers = SipMessage.parse(h);
        String cl = headers.header("content-length");
        int len = cl == null ? 0 : Integer.parseInt(cl.trim());
        byte[] body = in.readNBytes(len);
        return SipMessage.parse(h + new String(body, StandardCharsets.UTF_8));
    }

    /** Computes a digest Authorization value answering a challenge header value. */
    public static String authorization(String challenge, String user, String password, String method, String uri) {
        String realm = SipMessage.param(challenge, "realm");
        String nonce = SipMessage.param(challenge, "nonce");
        DigestAlgorithm alg = DigestAlgorithm.fromSipName(SipMessage.param(challenge, "algorithm")).orElseThrow();
        String cnonce = newTag();
        String nc = "00000001";
        String response = alg.response(alg.ha1(user, realm, password), method, uri, nonce, nc, cnonce, "auth");
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=" + alg.sipName() + ", qop=auth, nc=" + nc
                + ", cnonce=\"" + cnonce + "\"";
    }

    /** A REGISTER for our AOR with our contact; {@code auth} is an Authorization value or null. */
    public String register(String callId, int cseqNo, int expires, String auth, String contact) {
        String aor = "sip:" + user + "@" + domain;
        return "REGISTER sip:" + domain + " SIP/2.0\n"
                + "Via: " + via(newBranch()) + "\n"
                + "Max-Forwards: 70\n"
                + "From: <" + aor + ">;tag=" + newTag() + "\n"
                + "To: <" + aor + ">\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: " + cseqNo + " REGISTER\n"
                + (contact == null ? "" : "Contact: " + contact + "\n")
                + "Expires: " + expires + "\n"
                + (auth == null ? "" : "Authorization: " + auth + "\n")
                + "\n";
    }

    /**
     * Registers with digest (answering the MD5 challenge, or SHA-256 when asked) and returns the final response.
     */
    public SipMessage registerWithDigest(String password, int expires, DigestAlgorithm algorithm) throws IOException {
        String callId = UUID.randomUUID() + "@test";
        String contact = "<" + contact() + ">";
        send(register(callId, nextCseq(), expires, null, contact));
        SipMessage challenge = expectResponse(Duration.ofSeconds(5));
        if (challenge == null || challenge.status() != 401) {
            return challenge;
        }
        String wanted = challenge.headers("www-authenticate").stream()
                .filter(c -> algorithm.sipName().equalsIgnoreCase(SipMessage.param(c, "algorithm")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + algorithm + " challenge in\n" + challenge));
        send(register(callId, nextCseq(), expires, authorization(wanted, user, password, "REGISTER", "sip:" + domain), contact));
        return expectResponse(Duration.ofSeconds(5));
    }

    /**
     * Sends an out-of-dialog request built by {@code message(cseq, extraHeaders)}, answers a 407 once with
     * Proxy-Authorization for {@code uri}, and returns the final response (other messages, such as NOTIFYs arriving
     * meanwhile, are kept for {@link #receive}). {@code extraHeaders} is "" or a "Proxy-Authorization: ...\n" line.
     */
    public SipMessage authenticated(String password, String method, String uri,
                                    java.util.function.BiFunction<Integer, String, String> message) throws IOException {
        send(message.apply(nextCseq(), ""));
        SipMessage first = expectFinalResponse(method);
        if (first == null || first.status() != 407) {
            return first;
        }
        String challenge = first.headers("proxy-authenticate").get(0);
        send(message.apply(nextCseq(), "Proxy-Authorization: " + authorization(challenge, user, password, method, uri) + "\n"));
        return expectFinalResponse(method);
    }

    private final java.util.Deque<SipMessage> held = new java.util.ArrayDeque<>();

    private SipMessage expectFinalResponse(String method) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            SipMessage m = readNext(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            if (m == null) {
                return null;
            }
            if (m.isResponse() && m.status() >= 200 && m.header("cseq") != null && m.header("cseq").endsWith(method)) {
                return m;
            }
            if (!m.isResponse()) {
                held.add(m);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        if (udp != null) {
            udp.close();
        }
        if (stream != null) {
            stream.close();
        }
    }
}
