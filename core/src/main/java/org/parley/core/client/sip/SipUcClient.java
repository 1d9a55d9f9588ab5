package org.parley.core.client.sip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.client.ClientConfig;
import org.parley.core.client.ContactsService;
import org.parley.core.client.Credentials;
import org.parley.core.client.DirectoryService;
import org.parley.core.client.HistoryService;
import org.parley.core.client.MessagingService;
import org.parley.core.client.PresenceService;
import org.parley.core.client.UcClient;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.sip.DigestClient;
import org.parley.core.sip.PinStore;
import org.parley.core.sip.PinningTrustManager;
import org.parley.core.sip.SipEndpoint;
import org.parley.core.sip.SipRequests;
import org.parley.core.sip.UserAgent;
import org.parley.core.store.ClientStore;
import org.parley.core.store.HistoryStore;
import org.parley.core.store.RecentContacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link UcClient} over SIP, and its composition root: {@link #create} builds the SIP endpoint, the engine
 * thread, the local store and every capability. One engine thread owns all SIP state; results and events are
 * delivered on the executor given here.
 */
public final class SipUcClient implements UcClient {
    private static final Logger LOG = LoggerFactory.getLogger(SipUcClient.class);

    private final ClientConfig config;
    private final Engine engine;
    private final ScheduledThreadPoolExecutor thread;
    private final UserAgent ua;
    private final ClientStore store;
    private final ConnectionSupervisor supervisor;
    private final Registration registration;
    private final Listeners<ConnectionListener> connectionListeners;
    private final SipPresenceService presence;
    private final SipContactsService contacts;
    private final SipMessagingService messaging;
    private final HistoryStore history;
    private final SipFileTransferService files;
    private final SipTelephonyService telephony;
    private final SipVoicemailService voicemail;
    private final SipDelegationService delegation;
    private final SipConferencingService conferencing;

    private SipUcClient(ClientConfig config, Engine engine, ScheduledThreadPoolExecutor thread, UserAgent ua,
                        ClientStore store, ConnectionSupervisor supervisor, Registration registration,
                        Listeners<ConnectionListener> connectionListeners, SipPresenceService presence,
                        SipContactsService contacts, SipMessagingService messaging, HistoryStore history,
                        SipFileTransferService files, SipTelephonyService telephony, SipVoicemailService voicemail,
                        SipDelegationService delegation, SipConferencingService conferencing) {
        this.delegation = delegation;
        this.conferencing = conferencing;
        this.voicemail = voicemail;
        this.config = config;
        this.engine = engine;
        this.thread = thread;
        this.ua = ua;
        this.store = store;
        this.supervisor = supervisor;
        this.registration = registration;
        this.connectionListeners = connectionListeners;
        this.presence = presence;
        this.contacts = contacts;
        this.messaging = messaging;
        this.history = history;
        this.files = files;
        this.telephony = telephony;
    }

    /** A client with the product's timings and the system clock; events are delivered on {@code events}. */
    public static SipUcClient create(ClientConfig config, Executor events) {
        return create(config, events, ClientTuning.defaults(), Clock.systemUTC());
    }

    public static SipUcClient create(ClientConfig config, Executor events, ClientTuning tuning, Clock clock) {
        ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "parley-client-" + config.username());
            t.setDaemon(true);
            return t;
        });
        thread.setRemoveOnCancelPolicy(true);
        ClientStore store = null;
        SipEndpoint endpoint = null;
        try {
            store = ClientStore.open(config.dataDir());
            String transport = config.transport().name().toLowerCase(java.util.Locale.ROOT);
            PinningTrustManager trust = config.transport() == ClientConfig.Transport.TLS
                    ? new PinningTrustManager(new PinStore(config.dataDir()), config.serverHost(), config.serverPort()) : null;
            endpoint = SipEndpoint.start(new SipEndpoint.Settings(transport, config.serverHost(), config.serverPort(), trust));
            return compose(config, events, tuning, clock, thread, store, endpoint);
        } catch (RuntimeException e) {
            thread.shutdownNow();
            if (endpoint != null) {
                endpoint.close();
            }
            if (store != null) {
                store.close();
            }
            throw e;
        }
    }

    private static SipUcClient compose(ClientConfig config, Executor events, ClientTuning tuning, Clock clock,
                                       ScheduledThreadPoolExecutor thread, ClientStore store, SipEndpoint endpoint) {
        Engine engine = new Engine(thread, events);
        UserAgent ua = new UserAgent(endpoint, thread, tuning.requestTimeout());
        String aor = config.aor();
        SipRequests requests = new SipRequests(endpoint, aor, config.username(), config.userAgent());
        Registration registration = new Registration(ua, requests, engine, config.domain(), tuning.registerExpires());
        Listeners<ConnectionListener> connectionListeners = new Listeners<>(events);
        ConnectionSupervisor supervisor = new ConnectionSupervisor(engine, registration, ua, requests, tuning,
                connectionListeners, "sip:" + config.serverHost() + ":" + config.serverPort());
        SubscriptionRouter router = new SubscriptionRouter(ua);
        ua.register(Request.NOTIFY, router);
        ua.register(Request.OPTIONS, in -> ua.reply(in, Response.OK));
        SubscriptionFactory subscriptions = new SubscriptionFactory() {
            @Override
            public SipSubscription create(String target, String event, java.util.Map<String, String> headers,
                                          SipSubscription.NotifyHandler handler) {
                SipSubscription s = new SipSubscription(ua, requests, engine, router, target, event, headers,
                        tuning.subscribeExpires(), handler, supervisor::failed);
                supervisor.add(s);
                return s;
            }

            @Override
            public void discard(SipSubscription s) {
                supervisor.remove(s);
            }
        };
        Publisher publisher = new Publisher(ua, requests, engine, tuning.publishExpires(), supervisor::signedIn,
                supervisor::failed);
        supervisor.add(publisher);
        ServiceClient service = new ServiceClient(ua, requests);
        HistoryStore history = new HistoryStore(store);
        SipContactsService contacts = new SipContactsService(engine, service, subscriptions, new Listeners<>(events),
                new RecentContacts(store), clock, aor, config.domain());
        PresenceWatch watch = new PresenceWatch(subscriptions, new Listeners<>(events), contacts::current, aor,
                "sip:" + config.username() + "~contacts@" + config.domain());
        SipPresenceService presence = new SipPresenceService(engine, publisher, service, watch, aor,
                deviceId(config.dataDir()), config.device(),
                onChange -> new IdleTracker(clock, config.inactiveAfter(), config.awayAfter(), onChange));
        Listeners<MessagingService.MessageListener> messageListeners = new Listeners<>(events);
        SipMessagingService messaging = new SipMessagingService(engine, ua, requests, service, history, contacts,
                messageListeners, clock, config.domain());
        IncomingMessages incomingMessages = new IncomingMessages(ua, history, contacts, messageListeners, clock, aor);
        InviteRouter invites = new InviteRouter(ua);
        invites.attach();
        SipFileTransferService files = new SipFileTransferService(engine, ua, requests, invites, new Listeners<>(events),
                tuning.maxFileBytes(), config.domain());
        ClientMedia media = new ClientMedia(config.dataDir(), engine, tuning.allowPlainRtp());
        SipTelephonyService telephony = new SipTelephonyService(engine, ua, requests, invites, new Listeners<>(events),
                media, config.domain());
        telephony.addEndedListener(call -> history.callLog().add(call, clock.instant()));
        SipDelegationService delegation = new SipDelegationService(engine, service, telephony, new Listeners<>(events),
                new Listeners<>(events), ua, config.domain());
        SipConferencingService conferencing = new SipConferencingService(engine, telephony, subscriptions,
                new Listeners<>(events), aor, config.domain());
        ua.register(Request.MESSAGE, in -> {
            if (!delegation.claimMessage(in)) {
                incomingMessages.process(in);
            }
        });
        ua.register(Request.REFER, telephony::onRefer);
        ua.register(Request.NOTIFY, in -> {
            if (!telephony.claimNotify(in)) {
                router.process(in);
            }
        });
        long tick = tuning.idleCheck().toMillis();
        thread.scheduleWithFixedDelay(() -> engine.execute(presence::tick), tick, tick, TimeUnit.MILLISECONDS);
        return new SipUcClient(config, engine, thread, ua, store, supervisor, registration, connectionListeners, presence,
                contacts, messaging, history, files, telephony,
                new SipVoicemailService(engine, service, subscriptions, new Listeners<>(events), aor), delegation,
                conferencing);
    }

    /** A stable id of this device (its publication's tuple and device ids), kept in the data directory. */
    private static String deviceId(Path dataDir) {
        Path file = dataDir.resolve("device-id");
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            String id = UUID.randomUUID().toString();
            Files.writeString(file, id, StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new ParleyException(ErrorCode.STORAGE_FAILURE, "cannot keep the device id in " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public CompletableFuture<Void> signIn(Credentials credentials) {
        DigestClient digest;
        if (credentials instanceof Credentials.Password p) {
            digest = new DigestClient(config.username(), p.chars(), new SecureRandom());
            java.util.Arrays.fill(p.chars(), '\0');
        } else if (credentials instanceof Credentials.Hashed h) {
            if (!h.username().equals(config.username())) {
                return CompletableFuture.failedFuture(new ParleyException(ErrorCode.AUTHENTICATION_FAILED,
                        "the saved sign-in is for " + h.username() + ", not " + config.username()
                                + ": sign in with your password again"));
            }
            digest = DigestClient.hashed(h.username(), h.realm(), h.md5(), h.sha256(), new SecureRandom());
        } else {
            return CompletableFuture.failedFuture(new ParleyException(ErrorCode.INVALID_ARGUMENT, "no credentials"));
        }
        return engine.call(() -> {
            ua.setCredentials(digest);
            return supervisor.signIn().thenCompose(v -> {
                contacts.start();
                voicemail.start();
                return presence.start().exceptionally(e -> {
                    LOG.info("could not publish presence: {}", Engine.unwrap(e).getMessage());
                    return null;
                });
            });
        });
    }

    @Override
    public CompletableFuture<Void> signOut() {
        return engine.call(this::signOutOnEngine);
    }

    private CompletableFuture<Void> signOutOnEngine() {
        ConnectionState state = supervisor.state();
        if (state == ConnectionState.SIGNED_OUT) {
            return CompletableFuture.completedFuture(null);
        }
        if (state != ConnectionState.SIGNED_IN) {
            supervisor.signedOut();
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.allOf(presence.stop(), contacts.stop(), voicemail.stop(), conferencing.stop())
                .handle((v, e) -> null)
                .thenCompose(v -> registration.unregister())
                .whenComplete((v, e) -> supervisor.signedOut());
    }

    @Override
    public ConnectionState connectionState() {
        return supervisor.state();
    }

    @Override
    public void addConnectionListener(ConnectionListener listener) {
        connectionListeners.add(listener);
    }

    @Override
    public PresenceService presence() {
        return presence;
    }

    @Override
    public ContactsService contacts() {
        return contacts;
    }

    @Override
    public DirectoryService directory() {
        return contacts;
    }

    @Override
    public MessagingService messaging() {
        return messaging;
    }

    @Override
    public HistoryService history() {
        return history;
    }

    @Override
    public org.parley.core.client.FileTransferService files() {
        return files;
    }

    @Override
    public org.parley.core.client.TelephonyService telephony() {
        return telephony;
    }

    @Override
    public org.parley.core.client.DelegationService delegation() {
        return delegation;
    }

    @Override
    public org.parley.core.client.ConferencingService conferencing() {
        return conferencing;
    }

    @Override
    public org.parley.core.client.VoicemailService voicemail() {
        return voicemail;
    }

    @Override
    public void close() {
        files.close();
        if (!thread.isShutdown()) {
            thread.execute(telephony::close);
        }
        if (!thread.isShutdown()) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            thread.execute(() -> signOutOnEngine().whenComplete((v, e) -> done.complete(null)));
            try {
                done.get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("sign-out at close did not finish: {}", e.toString());
            }
        }
        thread.shutdownNow();
        ua.close();
        store.close();
    }
}
