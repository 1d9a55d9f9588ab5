package org.parley.server.transport;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.parley.server.testsupport.SipMessage;

/**
 * Where the server's answers to a raw fixture arrive. A torture message's top Via names a foreign sent-by without
 * rport, so (RFC 3261 §18.2.2) the server answers to the received address, i.e. our source address, but at the
 * port the Via names (5060 when none) and over the transport the Via names (UDP, TCP or TLS), whatever transport
 * carried the request. The sink therefore takes a loopback address of its own (127.x.y.z, so port 5060 is ours
 * even where other SIP software listens on 127.0.0.1:5060), sends the fixture from a UDP socket on that address
 * and the Via's port, and listens there for UDP, TCP and TLS (5061) replies. Everything stays on the loopback.
 */
final class ViaSink implements Closeable {
    private final InetAddress address;
    private final DatagramSocket udp;
    private final List<ServerSocket> listeners = new ArrayList<>();
    private final List<Socket> accepted = new ArrayList<>();
    private final BlockingQueue<SipMessage> received = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    /**
     * @param port     the port the fixture's top Via names (5060 when none)
     * @param tls      key store the TLS listener presents (the server trusts its own), or null for no TLS listener
     */
    ViaSink(int port, KeyStore tls, char[] tlsPassword) throws IOException {
        IOException last = null;
        DatagramSocket socket = null;
        InetAddress chosen = null;
        for (int attempt = 0; attempt < 10 && socket == null; attempt++) {
            InetAddress candidate = randomLoopback();
            try {
                socket = new DatagramSocket(new InetSocketAddress(candidate, port));
                chosen = candidate;
            } catch (SocketException e) {
                last = e;
            }
        }
        if (socket == null) {
            throw new IOException("no loopback address has port " + port + " free for UDP (a wildcard listener?)", last);
        }
        this.address = chosen;
        this.udp = socket;
        try {
            start(port, tls, tlsPassword);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private static InetAddress randomLoopback() throws IOException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return InetAddress.getByAddress(new byte[] {127, (byte) r.nextInt(1, 255), (byte) r.nextInt(0, 256), (byte) r.nextInt(1, 255)});
    }

    private void start(int port, KeyStore tls, char[] tlsPassword) throws IOException {
        daemon("sink-udp", this::readUdp);
        ServerSocket tcp = new ServerSocket();
        tcp.setReuseAddress(true);
        tcp.bind(new InetSocketAddress(address, port));
        listeners.add(tcp);
        daemon("sink-tcp", () -> acceptLoop(tcp));
        if (tls != null && port != 5061) {
            ServerSocket tlsSocket = tlsContext(tls, tlsPassword).getServerSocketFactory().createServerSocket();
            tlsSocket.setReuseAddress(true);
            tlsSocket.bind(new InetSocketAddress(address, 5061));
            listeners.add(tlsSocket);
            daemon("sink-tls", () -> acceptLoop(tlsSocket));
        }
    }

    private static SSLContext tlsContext(KeyStore keyStore, char[] password) throws IOException {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }

    InetAddress address() {
        return address;
    }

    /** Sends one datagram from the sink's UDP socket to the server. */
    void sendUdp(byte[] datagram, InetSocketAddress server) throws IOException {
        udp.send(new DatagramPacket(datagram, datagram.length, server));
    }

    /** The next final response (status ≥ 200) the server sent here, or null when none came in time. */
    SipMessage finalResponse(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            SipMessage m = received.poll(left, TimeUnit.NANOSECONDS);
            if (m == null) {
                return null;
            }
            if (!m.isResponse() || m.status() >= 200) {
                return m;
            }
        }
    }

    private void readUdp() {
        byte[] buf = new byte[65535];
        while (!closed) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                udp.receive(p);
                received.add(SipMessage.parse(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void acceptLoop(ServerSocket listener) {
        while (!closed) {
            try {
                Socket s = listener.accept();
                synchronized (accepted) {
                    accepted.add(s);
                }
                daemon("sink-conn", () -> readStream(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void readStream(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            while (!closed) {
                SipMessage m = readFramed(in);
                if (m == null) {
                    return;
                }
                received.add(m);
            }
        } catch (IOException e) {
            // the connection ended; whatever arrived before is queued
        }
    }

    /** One message framed by Content-Length from a stream, or null at the end of the stream. */
    static SipMessage readFramed(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (head.size() == 0 && (b == '\r' || b == '\n')) {
                continue;
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        String h = head.toString(StandardCharsets.UTF_8);
        String cl = SipMessage.parse(h).header("content-length");
        int len = cl == null ? 0 : Integer.parseInt(cl.trim());
        byte[] body = in.readNBytes(len);
        return SipMessage.parse(h + new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        closed = true;
        udp.close();
        for (ServerSocket l : listeners) {
            l.close();
        }
        synchronized (accepted) {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
