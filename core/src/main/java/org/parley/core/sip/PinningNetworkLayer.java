package org.parley.core.sip;

import gov.nist.core.net.DefaultNetworkLayer;
import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * JAIN-SIP's socket factory for a client stack whose TLS trusts by pin: JAIN-SIP instantiates it by class name
 * ({@code gov.nist.javax.sip.NETWORK_LAYER}) and hands it the stack. Stack properties are strings only, so the
 * {@link PinningTrustManager} is handed over through a short-lived hand-off table: {@link #offer} before creating
 * the stack puts its id under {@link #TRUST_MANAGER_KEY}, {@link #withdraw} after. Plain sockets are JAIN-SIP's
 * defaults. The stack sets protocols and cipher suites and starts the handshake itself.
 */
public final class PinningNetworkLayer implements NetworkLayer {
    /** Stack property naming the hand-off entry of this stack's trust manager. */
    public static final String TRUST_MANAGER_KEY = "org.parley.core.sip.PINNING_TRUST_MANAGER";
    private static final java.util.Map<String, PinningTrustManager> HANDOFF = new java.util.concurrent.ConcurrentHashMap<>();

    /** Makes a trust manager available to the stack about to be created; returns the id to set as property. */
    public static String offer(PinningTrustManager trust) {
        String id = java.util.UUID.randomUUID().toString();
        HANDOFF.put(id, trust);
        return id;
    }

    /** Ends the hand-off once the stack exists (it has taken its trust manager). */
    public static void withdraw(String id) {
        HANDOFF.remove(id);
    }

    private final NetworkLayer plain = DefaultNetworkLayer.SINGLETON;
    private SSLContext context;

    @Override
    public void setSipStack(SipStackImpl stack) {
        String id = stack.getConfigurationProperties().getProperty(TRUST_MANAGER_KEY);
        PinningTrustManager trust = id == null ? null : HANDOFF.get(id);
        if (trust == null) {
            throw new IllegalStateException("stack property " + TRUST_MANAGER_KEY + " names no offered trust manager");
        }
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {trust}, new SecureRandom());
            this.context = ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JVM", e);
        }
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return plain.createServerSocket(port, backlog, bindAddress);
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        // a client never accepts TLS connections (the server reuses ours), but JAIN-SIP opens a listener anyway
        return (SSLServerSocket) context.getServerSocketFactory().createServerSocket(port, backlog, bindAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return plain.createSocket(address, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return plain.createSocket(address, port, myAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress, int myPort) throws IOException {
        return plain.createSocket(address, port, myAddress, myPort);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return (SSLSocket) context.getSocketFactory().createSocket(address, port);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return (SSLSocket) context.getSocketFactory().createSocket(address, port, myAddress, 0);
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        return plain.createDatagramSocket();
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress laddr) throws SocketException {
        return plain.createDatagramSocket(port, laddr);
    }
}
