package org.parley.core.sip;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trusts one server's certificate by its pin ({@link PinStore}): the first one seen is pinned, later ones must
 * match. A mismatch fails the handshake and is remembered so the client can report CERTIFICATE_MISMATCH rather
 * than a plain network failure. Self-signed server certificates are the norm for server-lite, so no CA check.
 */
public final class PinningTrustManager extends X509ExtendedTrustManager {
    private static final Logger LOG = LoggerFactory.getLogger(PinningTrustManager.class);

    private final PinStore store;
    private final String key;
    private volatile boolean mismatch;

    public PinningTrustManager(PinStore store, String host, int port) {
        this.store = store;
        this.key = PinStore.key(host, port);
    }

    /** True once a presented certificate did not match the pin (cleared by {@link #clearMismatch}). */
    public boolean mismatchSeen() {
        return mismatch;
    }

    public void clearMismatch() {
        mismatch = false;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        String fp = PinStore.fingerprint(chain[0]);
        PinStore.Verdict v = store.check(key, fp);
        if (v == PinStore.Verdict.PINNED_NOW) {
            LOG.info("pinned the certificate of {} (SHA-256 {}) at first use", key, fp);
        } else if (v == PinStore.Verdict.MISMATCH) {
            LOG.warn("the certificate of {} changed: SHA-256 {} is not the pinned one", key, fp);
            mismatch = true;
            throw new CertificateException("the certificate of " + key + " changed (SHA-256 " + fp + ")");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client does not accept TLS clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
