package org.parley.server.voicemail;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;
import org.parley.server.auth.Gatekeeper;
import org.parley.server.events.SubscriptionManager;
import org.parley.server.service.ServiceOp;
import org.parley.server.store.Database;
import org.parley.server.transport.LocalDomain;
import org.parley.server.transport.Outbound;
import org.parley.server.transport.Responses;
import org.parley.server.uas.MediaHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Voicemail's parts, built once by the server: the store (reconciled at start), the call handling (also the
 * {@code VoicemailDesk} routing uses and a local service), message-waiting and the SERVICE operations.
 */
public final class VoicemailModule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VoicemailModule.class);

    /** What voicemail needs of the server. */
    public record Parts(Database db, Path dataDir, LocalDomain domain, Responses responses, Outbound outbound,
                        Gatekeeper gatekeeper, Predicate<String> userExists, ScheduledExecutorService scheduler,
                        Clock clock, InetAddress mediaBind) {
    }

    private final VoicemailStore store;
    private final VoicemailCalls calls;
    private final List<ServiceOp> ops;
    private final MwiLink mwi;

    private VoicemailModule(VoicemailStore store, VoicemailCalls calls, List<ServiceOp> ops, MwiLink mwi) {
        this.mwi = mwi;
        this.store = store;
        this.calls = calls;
        this.ops = ops;
    }

    /** Built before the proxy (which hands calls to {@link #calls()}); {@link #notifyVia} then adds message waiting. */
    public static VoicemailModule start(Parts p, VoicemailCalls.Settings settings) {
        VoicemailStore store = new VoicemailStore(p.db(), p.dataDir());
        int restored = store.reconcile();
        if (restored > 0) {
            LOG.info("voicemail: {} message(s) recorded before a stop got their rows back", restored);
        }
        MwiLink mwi = new MwiLink(p, store);
        MediaHost media = new MediaHost(p.dataDir(), p.mediaBind(), p.domain().advertisedHost());
        VoicemailCalls calls = new VoicemailCalls(p.domain(), p.responses(), p.outbound(), p.gatekeeper(), store,
                p.userExists(), media, p.scheduler(), p.clock(), settings, mwi::changed);
        return new VoicemailModule(store, calls, VoicemailOps.all(store, mwi::changed), mwi);
    }

    /** Registers the message-summary package; every later change of a box notifies its subscribers. */
    public void notifyVia(SubscriptionManager subscriptions) {
        mwi.attach(subscriptions);
    }

    /** Message waiting: the package, and the notifier once the server has one. */
    private static final class MwiLink {
        private final MessageSummaryPackage pkg;
        private volatile SubscriptionManager subscriptions;

        MwiLink(Parts p, VoicemailStore store) {
            this.pkg = new MessageSummaryPackage(p.domain(), p.userExists(), store);
        }

        void attach(SubscriptionManager manager) {
            manager.register(pkg);
            subscriptions = manager;
        }

        void changed(String owner) {
            SubscriptionManager m = subscriptions;
            if (m == null) {
                return;
            }
            try {
                m.changed(MessageSummaryPackage.EVENT, owner);
            } catch (RuntimeException e) {
                LOG.debug("no message-summary NOTIFY for {} (stopping?): {}", owner, e.toString());
            }
        }
    }

    public VoicemailStore store() {
        return store;
    }

    /** The desk routing hands calls to, and the local service for {@code sip:voicemail@DOMAIN} and its dialogs. */
    public VoicemailCalls calls() {
        return calls;
    }

    public List<ServiceOp> ops() {
        return ops;
    }

    @Override
    public void close() {
        calls.close();
    }
}
