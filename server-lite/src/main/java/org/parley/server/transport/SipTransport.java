package org.parley.server.transport;

import java.util.Properties;
import java.util.TooManyListenersException;
import javax.sip.ListeningPoint;
import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.sip.NoServerLogger;
import org.parley.core.sip.Slf4jStackLogger;
import org.parley.server.transport.malformed.StrictMessageParserFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport layer: one JAIN-SIP stack with UDP and TCP listeners on the SIP port and TLS on the TLS port,
 * all on one provider. Everything received goes to one {@link SipListener} (the dispatcher).
 */
public final class SipTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipTransport.class);

    private final SipStack stack;
    private final SipProvider provider;
    private final SipFactories factories;
    private final ContactRouter router;

    private SipTransport(SipStack stack, SipProvider provider, SipFactories factories, ContactRouter router) {
        this.stack = stack;
        this.provider = provider;
        this.factories = factories;
        this.router = router;
    }

    /** Settings the transport needs; the TLS material is null when TLS is off. */
    public record Settings(String bindAddress, int sipPort, int tlsPort, TlsMaterial tls, int workerThreads) {
    }

    public static SipTransport start(Settings settings) {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        SipStack stack = null;
        try {
            stack = factory.createSipStack(stackProperties(settings));
            SipFactories factories = new SipFactories(factory.createAddressFactory(), factory.createHeaderFactory(),
                    factory.createMessageFactory());
            ListeningPoint udp = stack.createListeningPoint(settings.bindAddress(), settings.sipPort(), ListeningPoint.UDP);
            ListeningPoint tcp = stack.createListeningPoint(settings.bindAddress(), settings.sipPort(), ListeningPoint.TCP);
            SipProvider provider = stack.createSipProvider(udp);
            provider.addListeningPoint(tcp);
            if (settings.tls() != null) {
                provider.addListeningPoint(stack.createListeningPoint(settings.bindAddress(), settings.tlsPort(), ListeningPoint.TLS));
            }
            provider.setAutomaticDialogSupportEnabled(false);
            ContactRouter router = (ContactRouter) stack.getRouter();
            return new SipTransport(stack, provider, factories, router);
        } catch (Exception e) {
            if (stack != null) {
                stack.stop();
            }
            if (e instanceof PeerUnavailableException) {
                throw new ParleyException(ErrorCode.INTERNAL, "cannot create the SIP stack: " + rootMessage(e), e);
            }
            throw new ParleyException(ErrorCode.NETWORK_FAILURE, "cannot listen on " + settings.bindAddress() + " port "
                    + settings.sipPort() + (settings.tls() != null ? " / TLS " + settings.tlsPort() : "")
                    + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    static Properties stackProperties(Settings s) {
        Properties p = new Properties();
        // unique per start: SipFactory keeps every stack by name, and a restart on the same port in one JVM would
        // otherwise get the stopped stack back (with its old TLS key store)
        p.setProperty("javax.sip.STACK_NAME", "parley-server-" + s.sipPort() + "-" + java.util.UUID.randomUUID());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("javax.sip.ROUTER_PATH", ContactRouter.class.getName());
        p.setProperty("javax.sip.USE_ROUTER_FOR_ALL_URIS", "true");
        // no javax.sip.EXTENSION_METHODS: the stack would treat them as dialog-creating and demand a Contact
        // stricter than JAIN-SIP's liberal parser: malformed requests get the stack's automatic 400 (ADR 0020)
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", StrictMessageParserFactory.class.getName());
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", NoServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(s.workerThreads()));
        p.setProperty("gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE", Integer.toString(s.workerThreads()));
        // also the UDP receive buffer JAIN-SIP allocates per datagram: keep it modest (zeroing 64 KiB per packet costs)
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "262144");
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", "4194304");
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", "4194304");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
        p.setProperty("gov.nist.javax.sip.REJECT_STRAY_RESPONSES", "false");
        p.setProperty("gov.nist.javax.sip.CANCEL_CLIENT_TRANSACTION_CHECKED", "false");
        p.setProperty("gov.nist.javax.sip.MAX_FORK_TIME_SECONDS", "0");
        if (s.tls() != null) {
            p.setProperty("javax.net.ssl.keyStore", s.tls().keyStore().toString());
            p.setProperty("javax.net.ssl.keyStorePassword", s.tls().password());
            p.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
            p.setProperty("javax.net.ssl.trustStore", s.tls().keyStore().toString());
            p.setProperty("javax.net.ssl.trustStorePassword", s.tls().password());
            p.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", org.parley.core.sip.TlsPolicy.PROTOCOLS);
            p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", org.parley.core.sip.TlsPolicy.CIPHER_SUITES);
        }
        return p;
    }

    public void setListener(SipListener listener) {
        try {
            provider.addSipListener(listener);
        } catch (TooManyListenersException e) {
            throw new IllegalStateException("a listener is already attached", e);
        }
    }

    public SipProvider provider() {
        return provider;
    }

    public SipFactories factories() {
        return factories;
    }

    public ContactRouter router() {
        return router;
    }

    /** The actual port of a listener (useful when 0 was asked for). */
    public int port(String transport) {
        ListeningPoint lp = provider.getListeningPoint(transport);
        return lp == null ? -1 : lp.getPort();
    }

    @Override
    public void close() {
        // also ends the event scanner thread JAIN-SIP's stop() leaves behind (it kept an embedding JVM alive)
        org.parley.core.sip.StackShutdown.stop(stack, provider);
    }
}
