package org.parley.attendant;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;
import org.parley.attendant.console.Beep;
import org.parley.attendant.console.ConsoleView;
import org.parley.attendant.conference.ConferenceTemplates;
import org.parley.attendant.conference.ConferenceViewModel;
import org.parley.attendant.consult.ImConsultViewModel;
import org.parley.attendant.contacts.ContactRow;
import org.parley.attendant.contacts.ContactsViewModel;
import org.parley.attendant.notes.CallNotes;
import org.parley.attendant.notes.MailClient;
import org.parley.attendant.notes.NotesViewModel;
import org.parley.attendant.queue.QueueViewModel;
import org.parley.attendant.queue.RepeatCallers;
import org.parley.attendant.signin.SignInSettings;
import org.parley.attendant.signin.SignInView;
import org.parley.attendant.signin.SignInViewModel;
import org.parley.core.client.ClientConfig;
import org.parley.core.client.UcClient;
import org.parley.core.client.sip.SipUcClient;
import org.parley.core.store.ClientStore;
import org.parley.ui.AppIdentity;
import org.parley.ui.BuildInfo;
import org.parley.ui.ThemeSwitcher;
import org.parley.ui.UiExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition root of the Attendant console: shows the sign-in screen (signing in at once with the launch options
 * when they carry a password), then builds the view models and the console view with their collaborators. Nothing
 * is looked up statically.
 */
public final class AttendantApp {
    /** The Attendant console's name and icon on the screens it shares with the Communicator (ui-common). */
    static final AppIdentity IDENTITY = new AppIdentity("Parley Attendant", Feather.HEADPHONES);
    private static final Logger LOG = LoggerFactory.getLogger(AttendantApp.class);
    private static final MailClient NO_MAIL = uri -> {
        throw new IllegalStateException("no desktop mail program was given to this console");
    };

    /** What the console is made of once signed in (the screen test reaches its parts through it). */
    public record Console(UcClient client, ClientStore store, QueueViewModel queue, ContactsViewModel contacts,
                          NotesViewModel notes, ConferenceViewModel conference, ImConsultViewModel imConsult,
                          ConsoleView view) {
    }

    private final BuildInfo buildInfo;
    private final ThemeSwitcher themes;
    private final AttendantOptions options;
    private final Function<ClientConfig, UcClient> clients;
    private final Clock clock;
    private final MailClient mail;
    private Console console;

    /** Without a desktop mail client: e-mailing notes says it cannot open one. */
    public AttendantApp(BuildInfo buildInfo, ThemeSwitcher themes, AttendantOptions options,
                        Function<ClientConfig, UcClient> clients) {
        this(buildInfo, themes, options, clients, Clock.systemUTC(), NO_MAIL);
    }

    /** Without a desktop mail client: e-mailing notes says it cannot open one. */
    public AttendantApp(BuildInfo buildInfo, ThemeSwitcher themes, AttendantOptions options,
                        Function<ClientConfig, UcClient> clients, Clock clock) {
        this(buildInfo, themes, options, clients, clock, NO_MAIL);
    }

    public AttendantApp(BuildInfo buildInfo, ThemeSwitcher themes, AttendantOptions options,
                        Function<ClientConfig, UcClient> clients, Clock clock, MailClient mail) {
        this.buildInfo = Objects.requireNonNull(buildInfo, "buildInfo");
        this.themes = Objects.requireNonNull(themes, "themes");
        this.options = Objects.requireNonNull(options, "options");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.clock = clock;
        this.mail = Objects.requireNonNull(mail, "mail");
    }

    /** The app's clients: every event arrives on the JavaFX thread through the one UiExecutor. */
    static Function<ClientConfig, UcClient> sipClients() {
        return cfg -> SipUcClient.create(cfg, new UiExecutor());
    }

    /**
     * Shows the sign-in screen on {@code stage} (filled in from what was remembered and the launch options); with a
     * user and a password on the command line it signs in at once. Once signed in, the console replaces it.
     */
    public void show(Stage stage) {
        SignInViewModel signIn = new SignInViewModel(clients, new SignInSettings(options.dataRoot()),
                options.dataRoot());
        signIn.apply(options);
        Runnable go = () -> signIn.signIn().thenAccept(signed -> {
            try {
                showConsole(stage, signed);
            } catch (RuntimeException | LinkageError e) { // else lost in the future: logged here
                LOG.error("signed in, but the console could not be built", e);
                signed.client().close();
                throw e;
            }
        });
        SignInView view = new SignInView(signIn, IDENTITY, buildInfo.version(), go);
        Scene scene = new Scene(view.root(), 1280, 800);
        scene.getStylesheets().add(themes.appStylesheet());
        stage.setScene(scene);
        stage.titleProperty().unbind();
        stage.setTitle(IDENTITY.title());
        stage.show();
        view.focusFirstEmpty();
        if (options.signInNow()) {
            go.run();
        }
    }

    private void showConsole(Stage stage, SignInViewModel.SignedIn signed) {
        UcClient client = signed.client();
        client.telephony().prepareAudio(); // the console's first call should not wait for the audio engine
        Path data = signed.data();
        ClientStore store = ClientStore.open(data.resolve("attendant"));
        ContactsViewModel contacts = new ContactsViewModel(client.contacts(), client.presence(), client.directory(),
                new UiExecutor());
        QueueViewModel queue = new QueueViewModel(client.telephony(), clock, contacts::nameOf,
                new RepeatCallers(client.history(), clock), new Beep(), signed.user(), signed.domain());
        contacts.onNamesChanged(queue::refreshNames);
        NotesViewModel notes = new NotesViewModel(new CallNotes(store), clock, mail);
        ConferenceViewModel conference = new ConferenceViewModel(client.conferencing(), queue,
                new ConferenceTemplates(store), uri -> contacts.rows().stream().filter(r -> r.uri().equalsIgnoreCase(uri))
                        .map(ContactRow::name).findFirst().orElse(uri.replaceFirst("^sips?:", "")), clock);
        ImConsultViewModel imConsult = new ImConsultViewModel(client.messaging(), new ImConsultViewModel.Calls() {
            @Override
            public CompletableFuture<Void> hold(String callId) {
                return queue.hold(callId);
            }

            @Override
            public CompletableFuture<Void> transfer(String callId, String target) {
                return queue.transfer(callId, target);
            }
        }, uri -> contacts.rows().stream().filter(r -> r.uri().equalsIgnoreCase(uri)).map(ContactRow::name)
                .findFirst().orElse(uri.replaceFirst("^sips?:", "")), signed.domain());
        ConsoleView view = new ConsoleView(queue, contacts, notes, conference, imConsult, signed.address());
        Scene scene = new Scene(view.root(), 1600, 1000);
        view.install(scene);
        stage.setScene(scene);
        stage.titleProperty().unbind();
        stage.setTitle(IDENTITY.title() + " — " + signed.address());
        stage.setMaximized(true);
        console = new Console(client, store, queue, contacts, notes, conference, imConsult, view);
    }

    /** The console once signed in. */
    public Optional<Console> console() {
        return Optional.ofNullable(console);
    }

    /** Signs out and releases the client and the notes store. */
    public void stop() {
        if (console != null) {
            console.view().stop();
            try {
                console.client().close();
            } finally {
                console.store().close();
            }
            console = null;
        }
    }
}
