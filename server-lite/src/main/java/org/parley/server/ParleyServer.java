package org.parley.server;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.parley.server.auth.CredentialCache;
import org.parley.server.auth.DigestAuthenticator;
import org.parley.server.auth.LoginThrottle;
import org.parley.server.auth.NonceService;
import org.parley.server.contacts.ContactLists;
import org.parley.server.contacts.ContactOps;
import org.parley.server.contacts.ContactsEventPackage;
import org.parley.server.contacts.Directory;
import org.parley.server.contacts.DistributionGroups;
import org.parley.server.events.SubscriptionManager;
import org.parley.server.im.ImModule;
import org.parley.server.policy.AccessPolicy;
import org.parley.server.policy.PresenceStates;
import org.parley.server.service.ServiceOp;
import org.parley.server.policy.ContactListEvents;
import org.parley.server.presence.PresencePackage;
import org.parley.server.presence.PresenceStore;
import org.parley.server.presence.PublishHandler;
import org.parley.server.presence.WatcherInfoPackage;
import org.parley.server.cdr.CallDetails;
import org.parley.server.proxy.Proxy;
import org.parley.server.conference.ConferenceFocus;
import org.parley.server.delegation.DelegationCalls;
import org.parley.server.delegation.DelegationOps;
import org.parley.server.delegation.DelegationStore;
import org.parley.server.routing.CallRouter;
import org.parley.server.routing.ForwardingOps;
import org.parley.server.routing.ForwardingStore;
import org.parley.server.routing.LocalNumbers;
import org.parley.server.routing.VoicemailDesk;
import org.parley.server.registrar.BindingStore;
import org.parley.server.registrar.BindingTable;
import org.parley.server.registrar.Registrar;
import org.parley.server.service.ServiceEndpoint;
import org.parley.server.store.Database;
import org.parley.server.store.SqliteDialect;
import org.parley.server.transport.Addresses;
import org.parley.server.transport.LocalDomain;
import org.parley.server.transport.LocalService;
import org.parley.server.uas.MediaHost;
import org.parley.server.transport.Outbound;
import org.parley.server.users.Cards;
import org.parley.server.transport.RequestDispatcher;
import org.parley.server.transport.Responses;
import org.parley.server.transport.ServerOptions;
import org.parley.server.transport.SipTransport;
import org.parley.server.transport.TlsMaterial;
import org.parley.server.users.UserChangeWatcher;
import org.parley.server.users.UserRepository;
import org.parley.server.voicemail.VoicemailModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** server-lite's composition root: builds every part from the configuration, starts them, and stops them. */
public final class ParleyServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ParleyServer.class);

    private final Database db;
    private final UserRepository users;
    private final SipTransport transport;
    private final BindingTable bindings;
    private final ScheduledExecutorService scheduler;
    private final LocalDomain domain;
    private final TlsMaterial tls;
    /** Parts with threads of their own, closed (in reverse order) before the transport. */
    private final List<AutoCloseable> closeables;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final SubscriptionManager subscriptions;
    private final PresenceStore presence;
    private final ContactLists contactLists;
    private final List<ServiceOp> serviceOps;
    private final VoicemailModule voicemail;
    private final ConferenceFocus conferences;

    /**
     * Replacements for parts other services provide, for tests; a null part gets the real one: the server's contact
     * lists for access levels and list events, the presence agent's states.
     */
    public record Overrides(AccessPolicy access, ContactListEvents lists, PresenceStates presence, VoicemailDesk voicemail) {
        public Overrides(AccessPolicy access, ContactListEvents lists, PresenceStates presence) {
            this(access, lists, presence, null);
        }

        public static Overrides none() {
            return new Overrides(null, null, null, null);
        }

        /** The real parts, with calls handed to voicemail going to {@code desk}. */
        public static Overrides voicemail(VoicemailDesk desk) {
            return new Overrides(null, null, null, desk);
        }
    }

    private ParleyServer(Database db, UserRepository users, SipTransport transport, BindingTable bindings,
                         ScheduledExecutorService scheduler, LocalDomain domain, TlsMaterial tls, List<AutoCloseable> closeables,
                         SubscriptionManager subscriptions, PresenceStore presence, ContactLists contactLists,
                         List<ServiceOp> serviceOps, VoicemailModule voicemail, ConferenceFocus conferences) {
        this.voicemail = voicemail;
        this.conferences = conferences;
        this.presence = presence;
        this.contactLists = contactLists;
        this.serviceOps = List.copyOf(serviceOps);
        this.closeables = closeables;
        this.subscriptions = subscriptions;
        this.db = db;
        this.users = users;
        this.transport = transport;
        this.bindings = bindings;
        this.scheduler = scheduler;
        this.domain = domain;
        this.tls = tls;
    }

    public static ParleyServer start(ServerConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static ParleyServer start(ServerConfig config, Clock clock) {
        return start(config, clock, Overrides.none());
    }

    /**
     * @param access access levels owners grant watchers; null for the server's contact lists
     * @param lists  contact lists for resource-list subscriptions; null for the server's contact lists
     */
    public static ParleyServer start(ServerConfig config, Clock clock, AccessPolicy access, ContactListEvents lists) {
        return start(config, clock, new Overrides(access, lists, null));
    }

    public static ParleyServer start(ServerConfig config, Clock clock, Overrides overrides) {
        String bind = config.bindAddress();
        boolean wildcard = Addresses.isWildcard(bind);
        String host = config.advertisedHost() != null ? config.advertisedHost() : wildcard ? Addresses.primaryAddress() : bind;
        int sipPort = config.sipPort() == 0 ? Addresses.freeUdpAndTcpPort(wildcard ? "0.0.0.0" : bind) : config.sipPort();
        int tlsPort = config.tlsPort() == 0 ? Addresses.freeTcpPort(wildcard ? "0.0.0.0" : bind) : config.tlsPort();

        Database db = Database.open(config.dataDir(), new SqliteDialect());
        SipTransport transport = null;
        List<AutoCloseable> closeables = new ArrayList<>();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-server-timers");
            t.setDaemon(true);
            return t;
        });
        try {
            UserRepository users = new UserRepository(db, clock);
            new org.parley.server.store.ServerSettingsRepository(db).put(
                    org.parley.server.store.ServerSettingsRepository.DOMAIN, config.domain());
            TlsMaterial tls = config.tlsEnabled() ? TlsMaterial.loadOrCreate(config.dataDir(), config.domain(), host) : null;
            int workers = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
            transport = SipTransport.start(new SipTransport.Settings(bind, sipPort, tlsPort, tls, workers));

            Set<String> aliases = new HashSet<>();
            aliases.add(bind);
            aliases.add("localhost");
            if (wildcard) {
                aliases.addAll(Addresses.interfaceAddresses());
            }
            LocalDomain domain = new LocalDomain(config.domain(), host, aliases, sipPort, config.tlsEnabled() ? tlsPort : -1);

            CredentialCache credentials = new CredentialCache(users);
            LoginThrottle throttle = new LoginThrottle(clock, config.maxAuthFailures(), config.authFailureWindow(),
                    config.authLockout());
            NonceService nonces = new NonceService(clock, config.nonceLifetime());
            DigestAuthenticator authenticator = new DigestAuthenticator(config.domain(), nonces, credentials, throttle, transport.factories().headers(),
                    config.digestAlgorithms());

            BindingTable bindings = new BindingTable(clock, new BindingStore(db));
            bindings.load();
            transport.router().attach(bindings::hopForContact);

            Responses responses = new Responses(transport.factories(), transport.provider());
            org.parley.server.auth.Gatekeeper gatekeeper = new org.parley.server.auth.Gatekeeper(authenticator, responses);
            Registrar registrar = new Registrar(domain, gatekeeper, bindings, responses, transport.factories(), clock,
                    config.minExpires(), config.maxExpires(), config.defaultExpires());
            Outbound outbound = new Outbound(transport.provider(), transport.factories(), domain, transport.router(), responses);
            // voicemail: the desk call routing hands calls to (org.parley.server.voicemail)
            VoicemailModule voicemailModule = VoicemailModule.start(new VoicemailModule.Parts(db, config.dataDir(), domain,
                    responses, outbound, gatekeeper, users::exists, scheduler, clock,
                    java.net.InetAddress.getByName(wildcard ? "0.0.0.0" : bind)),
                    new org.parley.server.voicemail.VoicemailCalls.Settings(config.voicemailMaxLength()));
            closeables.add(voicemailModule);
            ContactLists contactLists = new ContactLists(db, domain);
            AccessPolicy access = overrides.access() != null ? overrides.access() : contactLists;
            PresenceStore presence = new PresenceStore(clock);
            // call routing: forwarding rules, DND by access level, voicemail, call detail records
            VoicemailDesk voicemail = overrides.voicemail() != null ? overrides.voicemail() : voicemailModule.calls();
            ForwardingStore forwardingRules = new ForwardingStore(db, clock);
            LocalNumbers localNumbers = new LocalNumbers(db);
            CallDetails callDetails = new CallDetails(db, clock);
            closeables.add(callDetails);
            java.util.function.Function<String, List<String>> contactsOf =
                    u -> bindings.lookup(u).stream().map(org.parley.server.registrar.Binding::contactUri).toList();
            // call delegation (issue 6): managers' delegates ring for them, delegates call on their behalf
            DelegationStore delegations = new DelegationStore(db, clock);
            CallRouter callRouter = new CallRouter(new CallRouter.Parts(config.domain(), users::exists, contactsOf,
                    forwardingRules, access, overrides.presence() != null ? overrides.presence() : presence, voicemail,
                    localNumbers, config.gateway()), delegations::get);
            // the reception line: a queue for the attendant group (org.parley.server.reception); its ring-all
            // targets are forked by the proxy
            org.parley.server.reception.ReceptionLine reception = org.parley.server.reception.ReceptionModule.start(
                    new org.parley.server.reception.ReceptionModule.Parts(db, config.dataDir(), domain, responses, outbound,
                            u -> !bindings.lookup(u).isEmpty(),
                            callDetails::list, scheduler, clock, java.net.InetAddress.getByName(wildcard ? "0.0.0.0" : bind)));
            closeables.add(reception);
            DelegationCalls delegationCalls = new DelegationCalls(config.domain(), delegations,
                    u -> users.find(u).map(p -> p.displayName() == null || p.displayName().isBlank() ? u
                            : p.displayName()).orElse(u), contactsOf, outbound);
            Proxy proxy = new Proxy(domain, authenticator, gatekeeper, bindings, u -> credentials.find(u).isPresent(), responses,
                    transport.provider(), transport.factories(), transport.router(), scheduler,
                    new Proxy.Calls(callRouter, voicemail, callDetails, delegationCalls, reception.ringGroups()));
            ServerOptions options = new ServerOptions(responses, transport.factories());
            Cards cards = new Cards(users, config.domain(), config.organizationOrDomain());
            // contact lists: the access policy and list events presence and IM are given
            DistributionGroups distributionGroups = new DistributionGroups(db, clock);
            Directory directory = new Directory(users, cards, distributionGroups, contactLists, config.domain());
            ServiceEndpoint serviceEndpoint = new ServiceEndpoint(domain, gatekeeper, responses, transport.factories(),
                    transport.provider());
            serviceEndpoint.registerAll(ContactOps.all(contactLists, directory));
            serviceEndpoint.registerAll(new ForwardingOps(config.domain(), users::exists, forwardingRules, localNumbers,
                    config.gateway()).ops());
            serviceEndpoint.registerAll(new DelegationOps(config.domain(), users::exists, delegations,
                    delegationCalls::delegatesChanged).ops());
            serviceEndpoint.register(new org.parley.server.presence.CustomStatesOp(
                    org.parley.server.presence.CustomStates.parse(config.customStates())));
            // the services the server answers itself, offered each request in this order before the proxy
            List<LocalService> services = new ArrayList<>();
            SubscriptionManager subscriptions = new SubscriptionManager(gatekeeper, responses, outbound, transport.provider(),
                    transport.router(), clock, new SubscriptionManager.Limits((int) config.minExpires().toSeconds(), (int) config.defaultExpires().toSeconds(),
                    (int) config.maxExpires().toSeconds()), 4);
            closeables.add(subscriptions);
            subscriptions.register(new ContactsEventPackage(contactLists, domain,
                    owner -> subscriptions.changed(ContactsEventPackage.NAME, owner)));
            services.add(subscriptions);
            bindings.addListener(new org.parley.server.registrar.RegistrationListener() {
                @Override
                public void onRegistered(String aor, org.parley.server.registrar.Binding binding) {
                }

                @Override
                public void onUnregistered(String aor, org.parley.server.registrar.Binding binding) {
                    if (bindings.lookup(aor).isEmpty()) {
                        presence.signedOff(aor);
                    }
                }
            });
            WatcherInfoPackage winfo = new WatcherInfoPackage(domain, users::exists, subscriptions, clock);
            ContactListEvents listEvents = overrides.lists() != null ? overrides.lists() : contactLists;
            PresencePackage presencePackage = new PresencePackage(domain, users::exists, cards, presence,
                    access, listEvents, subscriptions, winfo);
            presence.addChangeListener(presencePackage);
            listEvents.addListener(presencePackage);
            subscriptions.register(presencePackage);
            subscriptions.register(winfo);
            services.add(new PublishHandler(domain, gatekeeper, responses, transport.provider(), transport.factories(), presence,
                    new PublishHandler.Limits((int) config.minExpires().toSeconds(), (int) config.defaultExpires().toSeconds(),
                            (int) config.maxExpires().toSeconds())));
            services.add(serviceEndpoint);
            List<ServiceOp> serviceOps = new ArrayList<>();
            ImModule im = ImModule.start(new ImModule.Parts(db, domain, gatekeeper, responses, transport.provider(), outbound,
                    bindings, cards, access, overrides.presence() != null ? overrides.presence() : presence, scheduler, clock),
                    new ImModule.Limits(config.imMaxBytes(), config.imSessionMax(), config.imDeliveryTimeout()));
            services.add(im.relay());
            serviceOps.addAll(im.serviceOps());
            serviceEndpoint.registerAll(im.serviceOps());
            voicemailModule.notifyVia(subscriptions);
            services.add(voicemailModule.calls());
            services.add(reception);
            // conferences: the focus for sip:conf-ID@D, with its roster event package (org.parley.server.conference)
            ConferenceFocus conferences = new ConferenceFocus(new ConferenceFocus.Parts(domain, responses, outbound,
                    gatekeeper, users::exists, u -> users.find(u).map(pr -> pr.displayName() == null
                            || pr.displayName().isBlank() ? u : pr.displayName()).orElse(u), delegations::isDelegate,
                    subscriptions, scheduler, clock, new MediaHost(config.dataDir(),
                            java.net.InetAddress.getByName(wildcard ? "0.0.0.0" : bind), host)));
            closeables.add(conferences);
            services.add(conferences);
            serviceEndpoint.registerAll(voicemailModule.ops());
            serviceOps.addAll(voicemailModule.ops());
            transport.setListener(new RequestDispatcher(domain, responses, registrar::handle, options::handle, services,
                    outbound, proxy));

            UserChangeWatcher watcher = new UserChangeWatcher(db);
            scheduler.scheduleWithFixedDelay(() -> guarded("flush registrations", bindings::flush), 250, 250, TimeUnit.MILLISECONDS);
            scheduler.scheduleWithFixedDelay(() -> guarded("expire subscriptions", subscriptions::expire), 2, 2, TimeUnit.SECONDS);
            scheduler.scheduleWithFixedDelay(() -> guarded("expire publications", presence::sweep), 1, 1, TimeUnit.SECONDS);
            scheduler.scheduleWithFixedDelay(() -> guarded("expire registrations", bindings::expire), 5, 5, TimeUnit.SECONDS);
            scheduler.scheduleWithFixedDelay(() -> guarded("sweep login throttle", throttle::sweep), 60, 60, TimeUnit.SECONDS);
            scheduler.scheduleWithFixedDelay(() -> guarded("sweep nonce counts", nonces::sweep), 60, 60, TimeUnit.SECONDS);
            scheduler.scheduleWithFixedDelay(() -> guarded("watch users", () -> {
                if (watcher.changed()) {
                    credentials.invalidateAll();
                    contactLists.invalidateAll();
                    forwardingRules.invalidateAll();
                    delegations.invalidateAll();
                }
            }), 1, 1, TimeUnit.SECONDS);
            return new ParleyServer(db, users, transport, bindings, scheduler, domain, tls, closeables, subscriptions, presence,
                    contactLists, serviceOps, voicemailModule, conferences);
        } catch (java.net.UnknownHostException e) {
            scheduler.shutdownNow();
            closeAll(closeables);
            transport.close();
            db.close();
            throw new IllegalArgumentException("cannot bind media to " + bind, e);
        } catch (RuntimeException e) {
            scheduler.shutdownNow();
            closeAll(closeables);
            if (transport != null) {
                transport.close();
            }
            db.close();
            throw e;
        }
    }

    private static void guarded(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("{} failed: {}", what, e.getMessage(), e);
        }
    }

    public UserRepository users() {
        return users;
    }

    /** The notifier of the server's event packages (presence, watcher info, contact lists). */
    public SubscriptionManager subscriptions() {
        return subscriptions;
    }

    /** The server-stored contact lists, also the access policy and list events every service is given. */
    public ContactLists contactLists() {
        return contactLists;
    }

    /** Published presence of local users (aggregates; also the {@code PresenceStates} other services listen to). */
    public PresenceStore presence() {
        return presence;
    }

    /** The conference focus (org.parley.server.conference). */
    public ConferenceFocus conferences() {
        return conferences;
    }

    /** Voicemail: the desk call routing hands calls to, the store, the media (org.parley.server.voicemail). */
    public VoicemailModule voicemail() {
        return voicemail;
    }

    /** The operations the SERVICE endpoint offers (chat.* so far). */
    public List<ServiceOp> serviceOps() {
        return serviceOps;
    }

    public String host() {
        return domain.advertisedHost();
    }

    public String domain() {
        return domain.domain();
    }

    public int sipPort() {
        return domain.sipPort();
    }

    public int tlsPort() {
        return domain.tlsPort();
    }

    /** The TLS material in use, or null when TLS is off. */
    public TlsMaterial tls() {
        return tls;
    }

    private static void closeAll(List<AutoCloseable> parts) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                LOG.warn("could not stop {}: {}", parts.get(i).getClass().getSimpleName(), e.getMessage());
            }
        }
    }

    /** Stops everything; a second call does nothing (the store is closed once). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        scheduler.shutdownNow();
        closeAll(closeables);
        transport.close();
        try {
            bindings.flush();
        } catch (RuntimeException e) {
            LOG.warn("could not save registrations at shutdown: {}", e.getMessage());
        }
        db.close();
    }
}
