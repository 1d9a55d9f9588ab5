package org.parley.core.msrp;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/** Opening MSRP connections: plain TCP, or TLS with the fingerprint-pinned contexts of {@link TlsIdentity}. */
public final class MsrpSockets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private MsrpSockets() {
    }

    /** A random identifier for session ids, transaction ids and message ids. */
    public static String randomId(int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }

    /** Connects to {@code to}; with {@code tls} set the handshake is done (and the peer checked) before returning. */
    public static Socket connect(MsrpUri to, SSLContext tls, int timeoutMillis) throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(InetAddress.getByName(to.host()), to.port()), timeoutMillis);
            plain.setTcpNoDelay(true);
            if (tls == null) {
                return plain;
            }
            SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, to.host(), to.port(), true);
            TlsIdentity.restrict(s);
            s.setUseClientMode(true);
            s.setSoTimeout(timeoutMillis);
            handshake(s);
            s.setSoTimeout(0);
            return s;
        } catch (IOException e) {
            closeQuietly(plain);
            throw e;
        }
    }

    /** A listening socket on {@code host} (any free port) for one peer; TLS ones require the peer's certificate. */
    public static ServerSocket listen(String host, SSLContext tls) throws IOException {
        InetSocketAddress at = new InetSocketAddress(InetAddress.getByName(host), 0);
        if (tls == null) {
            ServerSocket ss = new ServerSocket();
            ss.bind(at, 1);
            return ss;
        }
        SSLServerSocket ss = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
        ss.setNeedClientAuth(true);
        ss.bind(at, 1);
        return ss;
    }

    /** Accepts the one expected connection within {@code timeoutMillis}; completes the TLS handshake if any. */
    public static Socket accept(ServerSocket listener, int timeoutMillis) throws IOException {
        listener.setSoTimeout(timeoutMillis);
        Socket s = listener.accept();
        try {
            s.setTcpNoDelay(true);
            if (s instanceof SSLSocket ssl) {
                TlsIdentity.restrict(ssl);
                ssl.setNeedClientAuth(true);
                ssl.setSoTimeout(timeoutMillis);
                handshake(ssl);
                ssl.setSoTimeout(0);
            }
            return s;
        } catch (IOException e) {
            closeQuietly(s);
            throw e;
        }
    }

    private static void handshake(SSLSocket s) throws IOException {
        try {
            s.startHandshake();
        } catch (SSLHandshakeException e) {
            throw new MsrpException("TLS handshake with the MSRP peer failed: " + rootMessage(e), e);
        }
    }

    /**
     * Reads and drops what the peer still sends until it closes or {@code millis} pass, so that a close after a final
     * answer does not reset the connection (a reset can discard that answer before the peer reads it).
     */
    static void drain(Socket s, int millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        byte[] sink = new byte[65536];
        try {
            InputStream in = s.getInputStream();
            long left;
            while ((left = (end - System.nanoTime()) / 1_000_000L) > 0) {
                s.setSoTimeout((int) Math.max(1, left));
                if (in.read(sink) < 0) {
                    return;
                }
            }
        } catch (IOException e) {
            // the peer is gone or the grace ran out: nothing left to protect
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    public static void closeQuietly(Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
