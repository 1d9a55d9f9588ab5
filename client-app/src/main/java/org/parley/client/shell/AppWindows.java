package org.parley.client.shell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.parley.client.LaunchOptions;
import org.parley.client.alerts.Alerts;
import org.parley.client.callstatus.CallStatusView;
import org.parley.client.callstatus.CallStatusViewModel;
import org.parley.client.forwarding.ForwardingWindow;
import org.parley.client.voicemail.VoicemailWindow;
import org.parley.core.model.Contact;
import org.parley.client.alerts.CallAlerts;
import org.parley.client.call.Calls;
import org.parley.client.call.PeerNames;
import org.parley.client.card.ContactCardWindow;
import org.parley.client.contacts.ContactItem;
import org.parley.client.contacts.OpenConversations;
import org.parley.client.history.HistoryWindow;
import org.parley.client.options.OptionsWindow;
import org.parley.client.conversation.ConversationViewModel;
import org.parley.client.conversation.Conversations;
import org.parley.client.main.MainWindow;
import org.parley.client.settings.Appearance;
import org.parley.client.settings.SettingsStore;
import org.parley.client.signin.RememberedSignIn;
import org.parley.client.signin.SignInView;
import org.parley.client.signin.SignInViewModel;
import org.parley.ui.AppIdentity;

/**
 * The Communicator's windows and the one {@link Navigator}: the primary stage shows the sign-in form, then the main
 * window of the signed-in session; contact cards, conversations, history and options open from here. Call on the
 * JavaFX application thread.
 */
public final class AppWindows implements Navigator {

    private final Stage primary;
    private final AppIdentity app;
    private final String version;
    private final ClientFactory factory;
    private final SettingsStore settings;
    private final Appearance appearance;
    private final Consumer<String> browser;
    private final Runnable exit;
    private final OpenConversations open = new OpenConversations();
    private final Map<String, ContactCardWindow> cards = new HashMap<>();
    private Session session;
    private MainWindow main;
    private Conversations conversations;
    private Alerts alerts;
    private Calls calls;
    private CallAlerts callAlerts;
    private HistoryWindow history;
    private OptionsWindow options;
    private ForwardingWindow forwarding;
    private org.parley.client.delegation.DelegatesWindow delegates;
    private VoicemailWindow voicemail;
    private CallStatusViewModel callStatus;
    private SignInViewModel signIn;

    /**
     * @param browser opens a URI with the desktop (mailto:)
     * @param exit    ends the application (after {@link #close})
     */
    public AppWindows(Stage primary, AppIdentity app, String version, ClientFactory factory, SettingsStore settings,
                      Appearance appearance, Consumer<String> browser, Runnable exit) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.app = Objects.requireNonNull(app, "app");
        this.version = Objects.requireNonNull(version, "version");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.appearance = Objects.requireNonNull(appearance, "appearance");
        this.browser = Objects.requireNonNull(browser, "browser");
        this.exit = Objects.requireNonNull(exit, "exit");
        primary.setTitle(app.title());
        primary.setMinWidth(320);
        primary.setMinHeight(480);
    }

    /**
     * Shows the sign-in form, filled from the settings and {@code options}; signs in at once when the command line
     * gives a password, or with the remembered sign-in when the settings say "sign in at start-up".
     */
    public void showSignIn(LaunchOptions options) {
        signIn = new SignInViewModel(factory, settings);
        signIn.apply(options);
        boolean now = options.signInNow() || signIn.signsInAtStart();
        if (now) {
            signInNow(); // the client starts on a worker while this window is built
        }
        SignInView view = new SignInView(signIn, app, version, this::signInNow, this::showOptions);
        Scene scene = new Scene(view.root(), MainWindow.WIDTH, MainWindow.HEIGHT);
        appearance.attach(scene);
        primary.setScene(scene);
        primary.setTitle(app.title());
        primary.show();
        view.focusFirstEmpty();
    }

    private void signInNow() {
        signIn.signIn().thenAccept(this::showMain);
    }

    /** Replaces the sign-in form with the main window of {@code s}. */
    public void showMain(Session s) {
        session = s;
        if (options != null && options.stage() != null) {
            options.stage().close();
        }
        options = null;
        conversations = new Conversations(s, this, settings, appearance);
        conversations.setLinkOpener(browser);
        follow(conversations.openPeers());
        alerts = new Alerts(s, this, settings, appearance);
        PeerNames names = new PeerNames(s.client());
        calls = new Calls(s, appearance, open, names, new org.parley.ui.UiExecutor());
        callAlerts = new CallAlerts(s, this, settings, appearance, names, new org.parley.ui.UiExecutor());
        main = new MainWindow(s, this, settings, appearance, open, browser, this::quit, primary);
        callStatus = new CallStatusViewModel(s.client(), this::displayName);
        main.addCallSettings(new CallStatusView(callStatus, this::showCallForwarding, this::showCallLog,
                this::showVoicemail).root(), CallStatusView.menuItems(this::showCallForwarding, this::showVoicemail,
                this::showCallLog));
        callStatus.start();
        primary.setScene(main.scene());
        primary.setTitle(app.title());
        primary.show();
    }

    /** Mirrors the open 1:1 conversations into the contact list's "Current Conversations" (sessions stay out). */
    private void follow(ObservableSet<String> peers) {
        peers.addListener((SetChangeListener<String>) c -> {
            if (c.wasAdded() && !ConversationViewModel.isSession(c.getElementAdded())) {
                open.add(c.getElementAdded());
            }
            if (c.wasRemoved()) {
                open.remove(c.getElementRemoved());
            }
        });
    }

    private void quit() {
        close();
        exit.run();
    }

    /** The peers with an open conversation (the conversation windows add and remove them). */
    public OpenConversations openConversations() {
        return open;
    }

    public Optional<Session> session() {
        return Optional.ofNullable(session);
    }

    public Optional<MainWindow> mainWindow() {
        return Optional.ofNullable(main);
    }

    public Optional<SignInViewModel> signInViewModel() {
        return Optional.ofNullable(signIn);
    }

    @Override
    public void openConversation(String peerOrSession) {
        if (conversations != null) {
            conversations.open(peerOrSession);
        }
    }

    @Override
    public void startConversation(List<String> participants, String subject) {
        if (conversations != null) {
            conversations.start(participants, subject);
        }
    }

    @Override
    public void showContactCard(String uri) {
        if (main == null) {
            return;
        }
        ContactCardWindow w = cards.get(ContactItem.keyOf(uri));
        if (w == null) {
            ContactItem item = main.contacts().track(uri);
            w = new ContactCardWindow(item, main.actions(), appearance, primary);
            cards.put(item.key(), w);
            w.stage().setOnHidden(e -> cards.remove(item.key()));
        }
        w.show();
    }

    /** The open contact card of {@code uri}, if any (tests). */
    public Optional<ContactCardWindow> contactCard(String uri) {
        return Optional.ofNullable(cards.get(ContactItem.keyOf(uri)));
    }

    @Override
    public void showHistory(String participant) {
        if (session == null) {
            return;
        }
        if (history == null) {
            history = new HistoryWindow(session, this, appearance, this::call);
        }
        history.show(participant);
    }

    @Override
    public void call(String uriOrNumber) {
        if (calls != null) {
            calls.call(uriOrNumber);
        }
    }

    @Override
    public void showCall(String peer) {
        if (calls != null) {
            calls.show(peer);
        }
    }

    @Override
    public void showDialPad() {
        if (calls != null) {
            calls.showDialPad();
        }
    }

    @Override
    public void focusIncomingCall() {
        if (callAlerts != null) {
            callAlerts.focusNewest();
        }
    }

    /** The calls of the signed-in session, if any (tests). */
    public Optional<Calls> calls() {
        return Optional.ofNullable(calls);
    }

    @Override
    public void showOptions() {
        if (options == null) {
            options = new OptionsWindow(settings, appearance, session);
        }
        options.show();
    }

    @Override
    public void showCallForwarding() {
        if (session == null) {
            return;
        }
        if (forwarding == null) {
            CallStatusViewModel status = callStatus;
            forwarding = new ForwardingWindow(session, appearance, status::forwardingSaved, this::showDelegates);
        }
        forwarding.show();
    }

    /** The "Delegates" dialog (from Call forwarding). */
    public void showDelegates() {
        if (session == null) {
            return;
        }
        if (delegates == null) {
            org.parley.ui.UiExecutor fx = new org.parley.ui.UiExecutor();
            delegates = new org.parley.client.delegation.DelegatesWindow(session, appearance, fx, () -> {
                if (main != null) {
                    main.contacts().loadDelegation(fx);
                }
            });
        }
        delegates.show();
    }

    @Override
    public void showVoicemail() {
        if (session == null) {
            return;
        }
        if (voicemail == null) {
            // played with the desktop's default audio application (HostServices), as JavaFX media is not bundled
            voicemail = new VoicemailWindow(session, appearance, wav -> browser.accept(wav.toUri().toString()),
                    this::call);
        }
        voicemail.show();
    }

    @Override
    public void showCallLog() {
        if (session == null) {
            return;
        }
        if (history == null) {
            history = new HistoryWindow(session, this, appearance, this::call);
        }
        if (callStatus != null) {
            callStatus.clearMissed();
        }
        history.showCalls();
    }

    private String displayName(String uri) {
        return session == null ? null
                : session.client().contacts().current().contact(uri).map(Contact::displayName).orElse(null);
    }

    /** The call line's state in the main window header, if signed in (tests). */
    public Optional<CallStatusViewModel> callStatus() {
        return Optional.ofNullable(callStatus);
    }

    /** The call-forwarding dialog once opened (tests). */
    public Optional<ForwardingWindow> forwardingWindow() {
        return Optional.ofNullable(forwarding);
    }

    @Override
    public void signOut() {
        Session s = session;
        closeWindows();
        session = null;
        main = null;
        if (s != null) {
            new RememberedSignIn(settings).forget(s.config().username(), s.config().domain());
            s.client().signOut().whenComplete((v, e) -> closeInBackground(s));
        }
        showSignIn(LaunchOptions.defaults());
    }

    private void closeWindows() {
        List.copyOf(cards.values()).forEach(w -> w.stage().close());
        cards.clear();
        if (conversations != null) {
            conversations.close();
            conversations = null;
        }
        if (alerts != null) {
            alerts.close();
            alerts = null;
        }
        if (callAlerts != null) {
            callAlerts.close();
            callAlerts = null;
        }
        if (calls != null) {
            calls.close();
            calls = null;
        }
        if (history != null && history.stage() != null) {
            history.stage().close();
        }
        history = null;
        if (options != null && options.stage() != null) {
            options.stage().close();
        }
        options = null;
        for (javafx.stage.Stage st : new javafx.stage.Stage[] {forwarding == null ? null : forwarding.stage(),
                voicemail == null ? null : voicemail.stage(), delegates == null ? null : delegates.stage()}) {
            if (st != null) {
                st.close();
            }
        }
        forwarding = null;
        delegates = null;
        voicemail = null;
        callStatus = null;
    }

    /** The conversations of the signed-in session, if any (tests). */
    public Optional<Conversations> conversations() {
        return Optional.ofNullable(conversations);
    }

    /** Signs out and releases the session (at exit). */
    public void close() {
        closeWindows();
        if (session != null) {
            session.close();
            session = null;
        }
    }

    private static void closeInBackground(Session s) {
        Thread t = new Thread(s::close, "parley-sign-out");
        t.setDaemon(true);
        t.start();
    }
}
