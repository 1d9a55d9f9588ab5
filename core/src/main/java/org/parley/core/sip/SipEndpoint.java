package org.parley.core.sip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Locale;
import java.util.Properties;
import java.util.TooManyListenersException;
import java.util.UUID;
import javax.sip.ListeningPoint;
import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;

/**
 * One JAIN-SIP stack for one client: a listening point for the chosen transport on the local address that
 * reaches the server (any free port), every request sent to the server as outbound proxy, and TLS trusted by pin
 * ({@link PinningTrustManager}).
 */
public final class SipEndpoint implements AutoCloseable {
    /** Largest SIP message the client accepts (over TCP/TLS; UDP datagrams are far smaller anyway). */
    static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

    /**
     * @param transport  udp, tcp or tls
     * @param serverHost the server (outbound proxy) host
     * @param serverPort its port for that transport
     * @param trust      the pin check for TLS (null otherwise)
     */
    public record Settings(String transport, String serverHost, int serverPort, PinningTrustManager trust) {
    }

    private final SipStack stack;
    private final SipProvider provider;
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;
    private final Settings settings;
    private final String localHost;
    private final int localPort;

    private SipEndpoint(SipStack stack, SipProvider provider, SipFactory f, Settings settings, String localHost,
                        int localPort) throws PeerUnavailableException {
        this.stack = stack;
        this.provider = provider;
        this.addresses = f.createAddressFactory();
        this.headers = f.createHeaderFactory();
        this.messages = f.createMessageFactory();
        this.settings = settings;
        this.localHost = localHost;
        this.localPort = localPort;
    }

    public static SipEndpoint start(Settings s) {
        String transport = s.transport().toLowerCase(Locale.ROOT);
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        SipStack stack = null;
        try {
            String local = localAddressFor(s.serverHost(), s.serverPort());
            String handoff = s.trust() == null ? null : PinningNetworkLayer.offer(s.trust());
            try {
                stack = factory.createSipStack(properties(s, transport, handoff));
            } finally {
                if (handoff != null) {
                    PinningNetworkLayer.withdraw(handoff);
                }
            }
            ListeningPoint lp = null;
            for (int attempt = 0; lp == null; attempt++) {
                int port = freePort(local, transport);
                try {
                    lp = stack.createListeningPoint(local, port, transport);
                } catch (javax.sip.InvalidArgumentException busy) {
                    if (attempt >= 4) {
                        throw busy;
                    }
                }
            }
            SipProvider provider = stack.createSipProvider(lp);
            provider.setAutomaticDialogSupportEnabled(false);
            return new SipEndpoint(stack, provider, factory, s, local, lp.getPort());
        } catch (Exception e) {
            if (stack != null) {
                StackShutdown.stop(stack, null);
            }
            throw new ParleyException(ErrorCode.NETWORK_FAILURE, "cannot open a SIP " + transport + " endpoint towards "
                    + s.serverHost() + ":" + s.serverPort() + ": " + e.getMessage(), e);
        }
    }

    private static Properties properties(Settings s, String transport, String handoff) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "parley-client-" + UUID.randomUUID());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("javax.sip.OUTBOUND_PROXY", s.serverHost() + ":" + s.serverPort() + "/" + transport);
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", NoServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        // the listener only hands events to the engine thread: re-entrant delivery avoids the stack holding a
        // transaction semaphore until our (asynchronous) answer, which starved the UDP threads
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        // NOTIFYs are matched to subscriptions by the client itself (SubscriptionRouter); without this the stack maps
        // each NOTIFY to its SUBSCRIBE transaction and keeps that transaction's semaphore, which starved the UDP
        // threads once a NOTIFY came while the SUBSCRIBE transaction was still around
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        // the full-state NOTIFY of a resource list carries every contact's presence document and card: about 0.9 KB
        // each, so 256 KiB stopped at ~290 contacts (bench/client); 8 MiB holds thousands
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(MAX_MESSAGE_BYTES));
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.REJECT_STRAY_RESPONSES", "false");
        if ("tls".equals(transport)) {
            if (s.trust() == null) {
                throw new IllegalArgumentException("TLS needs a trust manager");
            }
            p.setProperty("gov.nist.javax.sip.NETWORK_LAYER", PinningNetworkLayer.class.getName());
            p.setProperty(PinningNetworkLayer.TRUST_MANAGER_KEY, handoff);
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", TlsPolicy.PROTOCOLS);
            p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", TlsPolicy.CIPHER_SUITES);
            p.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", "10000");
        }
        return p;
    }

    /** The local address the OS would use towards the server (no packet is sent). */
    static String localAddressFor(String host, int port) throws IOException {
        InetAddress server = InetAddress.getByName(host);
        if (server.isLoopbackAddress()) {
            return server.getHostAddress();
        }
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(new InetSocketAddress(server, port));
            InetAddress local = probe.getLocalAddress();
            return local == null || local.isAnyLocalAddress() ? InetAddress.getLocalHost().getHostAddress()
                    : local.getHostAddress();
        }
    }

    private static int freePort(String host, String transport) throws IOException {
        InetAddress addr = InetAddress.getByName(host);
        if ("udp".equals(transport)) {
            try (DatagramSocket d = new DatagramSocket(new InetSocketAddress(addr, 0))) {
                return d.getLocalPort();
            }
        }
        try (ServerSocket ss = new ServerSocket(0, 1, addr)) {
            return ss.getLocalPort();
        }
    }

    void setListener(SipListener listener) {
        try {
            provider.addSipListener(listener);
        } catch (TooManyListenersException e) {
            throw new IllegalStateException("a listener is already attached", e);
        }
    }

    public SipProvider provider() {
        return provider;
    }

    public AddressFactory addresses() {
        return addresses;
    }

    public HeaderFactory headers() {
        return headers;
    }

    public MessageFactory messages() {
        return messages;
    }

    public String transport() {
        return settings.transport().toLowerCase(Locale.ROOT);
    }

    public String localHost() {
        return localHost;
    }

    public int localPort() {
        return localPort;
    }

    public String serverDescription() {
        return settings.serverHost() + ":" + settings.serverPort() + " (" + transport() + ")";
    }

    /** True when a TLS handshake failed because the server's certificate is not the pinned one. */
    /**
     * Forgets the cached TCP/TLS connection to the server (a server that went away may leave it half open, and
     * requests written into it get no answer): the next request opens a fresh one. Nothing to do for UDP.
     */
    public void dropServerConnection() {
        if ("udp".equalsIgnoreCase(settings.transport())) {
            return;
        }
        try {
            String serverIp = java.net.InetAddress.getByName(settings.serverHost()).getHostAddress();
            ((gov.nist.javax.sip.stack.SIPTransactionStack) stack).closeReliableConnection(localHost, localPort,
                    settings.transport().toLowerCase(java.util.Locale.ROOT), serverIp, settings.serverPort());
        } catch (java.io.IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SipEndpoint.class).debug("could not drop the server connection: {}", e.toString());
        }
    }

    public boolean certificateMismatch() {
        return settings.trust() != null && settings.trust().mismatchSeen();
    }

    @Override
    public void close() {
        StackShutdown.stop(stack, provider);
    }
}
