package org.parley.client.conversation;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.parley.client.settings.Appearance;
import org.parley.client.settings.SettingsStore;
import org.parley.client.shell.Navigator;
import org.parley.client.shell.Session;
import org.parley.core.client.FileTransferService;
import org.parley.core.client.MessagingService;
import org.parley.core.client.PresenceService;
import org.parley.core.model.ContactCard;
import org.parley.core.model.InstantMessage;
import org.parley.core.model.PresenceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the conversation feature (built by the composition root): opens conversations in the one
 * conversation window, starts multiparty sessions, and creates a conversation (a tab that does not take the focus)
 * when a message, session event or file offer arrives for one that is not open. {@link #openPeers()} is the set of
 * open conversations for the main window's "Current Conversations" group. Call on the JavaFX application thread.
 */
public final class Conversations {
    private static final Logger LOG = LoggerFactory.getLogger(Conversations.class);

    private final Session session;
    private final Appearance appearance;
    private final CorePort port;
    private final Scheduler scheduler = new FxScheduler();
    private final Map<String, ConversationViewModel> open = new LinkedHashMap<>();
    private final ObservableSet<String> openPeers = FXCollections.observableSet();
    private final Map<String, String> subjects = new LinkedHashMap<>();
    /** Non-contacts watched for their name and presence (conversation peers, session participants). */
    private final java.util.Set<String> watched = new java.util.HashSet<>();
    private ConversationWindow window;
    private final Navigator navigator;
    private Consumer<String> openLink = Conversations::browse;
    private boolean closed;

    public Conversations(Session session, Navigator navigator, SettingsStore settings, Appearance appearance) {
        this.session = Objects.requireNonNull(session, "session");
        this.navigator = Objects.requireNonNull(navigator, "navigator");
        this.appearance = Objects.requireNonNull(appearance, "appearance");
        this.port = new CorePort(session, settings);
        session.client().presence().addListener(new PresenceService.PresenceListener() {
            @Override
            public void onPresence(String uri, PresenceInfo presence, ContactCard card) {
                port.onPresence(uri, presence, card);
                if (!closed) {
                    open.values().stream().filter(vm -> vm.involves(uri))
                            .forEach(ConversationViewModel::refreshHeader);
                }
            }
        });
        session.client().messaging().addListener(new Listener());
        FileTransferService files = port.files();
        if (files != null) {
            files.addListener(t -> {
                if (!closed && t.peer() != null) {
                    ensure(t.peer(), false).transfers().onTransfer(t);
                }
            });
        }
    }

    /** How links and folders are opened (the app passes HostServices::showDocument). */
    public void setLinkOpener(Consumer<String> opener) {
        this.openLink = Objects.requireNonNull(opener, "opener");
    }

    /** The peers and sessions with an open conversation (URIs as the conversations know them). */
    public ObservableSet<String> openPeers() {
        return openPeers;
    }

    /** Brings up the conversation with a user, phone contact or session, creating its tab. */
    public void open(String peerOrSession) {
        show(normalize(peerOrSession));
    }

    private ConversationViewModel show(String key) {
        ConversationViewModel vm = ensure(key, true);
        window.select(vm);
        window.show(true);
        return vm;
    }

    /** Starts a multiparty conversation with these users; its tab opens once the server created the session. */
    public void start(List<String> participants, String subject) {
        port.createSession(participants, subject).whenComplete((s, e) -> {
            if (e != null) {
                LOG.warn("cannot start a group conversation: {}", ConversationViewModel.reason(e));
                return;
            }
            if (subject != null && !subject.isBlank()) {
                subjects.put(s.toLowerCase(Locale.ROOT), subject);
            }
            show(s).setSessionSubject(subject);
        });
    }

    /** Closes the window and forgets the conversations (sign-out). */
    public void close() {
        closed = true;
        open.values().forEach(ConversationViewModel::dispose);
        open.clear();
        openPeers.clear();
        if (window != null) {
            window.close();
        }
    }

    /** The user's own address forms: "bob", "bob@domain", or a URI. */
    String normalize(String input) {
        String s = input.trim();
        if (s.matches("(?i)^(sips?|tel):.*")) {
            return s;
        }
        String aor = session.aor();
        String domain = aor.substring(aor.indexOf('@') + 1);
        return s.contains("@") ? "sip:" + s : "sip:" + s + "@" + domain;
    }

    ConversationViewModel ensure(String key, boolean focus) {
        ConversationViewModel vm = open.get(key.toLowerCase(Locale.ROOT));
        if (vm != null) {
            return vm;
        }
        vm = new ConversationViewModel(key, port, scheduler, Clock.systemDefaultZone());
        vm.setSessionSubject(subjects.get(key.toLowerCase(Locale.ROOT)));
        ConversationViewModel created = vm;
        ConversationView view = new ConversationView(vm, url -> openLink.accept(url),
                () -> appearance.fontSizeProperty().get(), uri -> contactDropped(created, uri),
                () -> invite(created), () -> navigator.call(created.key()));
        vm.loadHistory();
        if (!vm.isSession() && session.client().contacts().current().contact(key).isEmpty()) {
            // Not a contact: watch it so the header shows its presence and directory name.
            if (watched.add(key)) {
                session.client().presence().watch(key).exceptionally(e -> null);
            }
        }
        if (window == null) {
            window = new ConversationWindow(appearance, this::closed);
        }
        open.put(key.toLowerCase(Locale.ROOT), vm);
        openPeers.add(key);
        window.add(vm, view, focus);
        window.show(focus);
        return vm;
    }

    private void closed(ConversationViewModel vm) {
        if (open.remove(vm.key().toLowerCase(Locale.ROOT)) == null) {
            return;
        }
        openPeers.remove(vm.key());
        vm.dispose();
        if (vm.isSession()) {
            port.leave(vm.key()).exceptionally(e -> {
                LOG.info("leaving {}: {}", vm.key(), e.getMessage());
                return null;
            });
        }
        window.remove(vm);
    }

    /** A contact dropped on a conversation: invited to a session; a 1:1 becomes a new session with both. */
    void contactDropped(ConversationViewModel vm, String uri) {
        String who = normalize(uri);
        if (who.equalsIgnoreCase(vm.key()) || who.equalsIgnoreCase(port.self())) {
            return;
        }
        if (vm.isSession()) {
            port.invite(vm.key(), who).exceptionally(e -> {
                vm.items().add(new ChatItem.Notice("Could not invite " + port.name(who) + ": "
                        + ConversationViewModel.reason(e), vm.now()));
                return null;
            });
        } else {
            start(List.of(vm.key(), who), null);
        }
    }

    private void invite(ConversationViewModel vm) {
        InviteDialog.ask(window.stage(), appearance, session.client(), "Invite — " + vm.titleProperty().get())
                .ifPresent(uri -> contactDropped(vm, uri));
    }

    private static void browse(String url) {
        try {
            if (java.awt.Desktop.isDesktopSupported()
                    && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                java.awt.Desktop.getDesktop().browse(java.net.URI.create(url));
                return;
            }
        } catch (Exception e) {
            LOG.info("cannot open {}: {}", url, e.toString());
            return;
        }
        LOG.info("no browser to open {} (the app passes its HostServices through setLinkOpener)", url);
    }

    private final class Listener implements MessagingService.MessageListener {
        @Override
        public void onMessage(InstantMessage m) {
            if (closed) {
                return;
            }
            String key = m.session() != null ? m.session()
                    : m.from() != null && m.from().equalsIgnoreCase(port.self()) ? m.to() : m.from();
            ensure(key, false).onMessage(m);
        }

        @Override
        public void onTyping(String from, String sessionUri, boolean active) {
            ConversationViewModel vm = closed ? null
                    : open.get((sessionUri != null ? sessionUri : from).toLowerCase(Locale.ROOT));
            if (vm != null) {
                vm.onTyping(from, active);
            }
        }

        @Override
        public void onSessionEvent(String sessionUri, String event, String who, List<String> participants) {
            if (closed) {
                return;
            }
            boolean iLeft = "left".equals(event) && who != null && who.equalsIgnoreCase(port.self());
            ConversationViewModel vm = iLeft ? open.get(sessionUri.toLowerCase(Locale.ROOT))
                    : ensure(sessionUri, false);
            if (vm != null) {
                if (participants != null) {
                    participants.stream().filter(p -> !p.equalsIgnoreCase(port.self()))
                            .filter(p -> session.client().contacts().current().contact(p).isEmpty())
                            .filter(watched::add)
                            .forEach(p -> session.client().presence().watch(p).exceptionally(e -> null));
                }
                vm.onSessionEvent(event, who, participants);
            }
        }
    }
}
