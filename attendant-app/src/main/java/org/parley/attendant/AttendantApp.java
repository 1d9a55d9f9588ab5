package org.parley.attendant;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;
import org.parley.attendant.console.Beep;
import org.parley.attendant.console.ConsoleView;
import org.parley.attendant.conference.ConferenceTemplates;
import org.parley.attendant.conference.ConferenceViewModel;
import org.parley.attendant.contacts.ContactRow;
import org.parley.attendant.contacts.ContactsViewModel;
import org.parley.attendant.notes.CallNotes;
import org.parley.attendant.notes.NotesViewModel;
import org.parley.attendant.queue.QueueViewModel;
import org.parley.attendant.queue.RepeatCallers;
import org.parley.core.client.ClientConfig;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.UcClient;
import org.parley.core.client.sip.SipUcClient;
import org.parley.core.store.ClientStore;
import org.parley.ui.AppIdentity;
import org.parley.ui.BuildInfo;
import org.parley.ui.ThemeSwitcher;
import org.parley.ui.UiExecutor;
import org.parley.ui.welcome.WelcomeScreen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition root of the Attendant console: signs in with the launch options (or shows the welcome screen without
 * them), then builds the view models and the console view with their collaborators. Nothing is looked up statically.
 */
public final class AttendantApp {
    /** The Attendant console's name and icon on the screens it shares with the Communicator (ui-common). */
    static final AppIdentity IDENTITY = new AppIdentity("Parley Attendant", Feather.HEADPHONES);
    private static final Logger LOG = LoggerFactory.getLogger(AttendantApp.class);

    /** What the console is made of once signed in (the screen test reaches its parts through it). */
    public record Console(UcClient client, ClientStore store, QueueViewModel queue, ContactsViewModel contacts,
                          NotesViewModel notes, ConferenceViewModel conference, ConsoleView view) {
    }

    private final BuildInfo buildInfo;
    private final ThemeSwitcher themes;
    private final AttendantOptions options;
    private final Function<ClientConfig, UcClient> clients;
    private final Clock clock;
    private Console console;

    public AttendantApp(BuildInfo buildInfo, ThemeSwitcher themes, AttendantOptions options,
                        Function<ClientConfig, UcClient> clients) {
        this(buildInfo, themes, options, clients, Clock.systemUTC());
    }

    public AttendantApp(BuildInfo buildInfo, ThemeSwitcher themes, AttendantOptions options,
                        Function<ClientConfig, UcClient> clients, Clock clock) {
        this.buildInfo = Objects.requireNonNull(buildInfo, "buildInfo");
        this.themes = Objects.requireNonNull(themes, "themes");
        this.options = Objects.requireNonNull(options, "options");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.clock = clock;
    }

    /** The app's clients: every event arrives on the JavaFX thread through the one UiExecutor. */
    static Function<ClientConfig, UcClient> sipClients() {
        return cfg -> SipUcClient.create(cfg, new UiExecutor());
    }

    /** Shows the first screen on {@code stage}: the console after signing in, else the welcome screen. */
    public void show(Stage stage) {
        if (!options.signInNow()) {
            new WelcomeScreen(IDENTITY, buildInfo, themes).show(stage);
            return;
        }
        Label wait = new Label("Signing in as " + options.address() + "…");
        wait.setStyle("-fx-font-size: 22px");
        stage.setScene(new Scene(new StackPane(wait), 1280, 800));
        stage.titleProperty().unbind(); // the welcome screen binds it (a stage shown before)
        stage.setTitle(IDENTITY.title());
        stage.show();
        Transport transport = Transport.valueOf(options.transport() == null ? "TLS" : options.transport());
        Path data = options.dataRoot().resolve(options.address());
        ClientConfig cfg = ClientConfig.of(options.server() == null ? options.domain() : options.server(),
                options.port() == null ? transport.defaultPort() : options.port(), transport, options.user(),
                options.domain(), data);
        UcClient client = clients.apply(cfg);
        client.signIn(options.password()).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warn("sign-in failed: {}", error.toString());
                wait.setText("Sign-in failed: " + (error.getCause() == null ? error : error.getCause()).getMessage());
                client.close();
                return;
            }
            showConsole(stage, client, data);
        });
    }

    private void showConsole(Stage stage, UcClient client, Path data) {
        ClientStore store = ClientStore.open(data.resolve("attendant"));
        ContactsViewModel contacts = new ContactsViewModel(client.contacts(), client.presence(), client.directory(),
                new UiExecutor());
        QueueViewModel queue = new QueueViewModel(client.telephony(), clock, contacts::nameOf,
                new RepeatCallers(client.history(), clock), new Beep(), options.user(), options.domain());
        contacts.onNamesChanged(queue::refreshNames);
        NotesViewModel notes = new NotesViewModel(new CallNotes(store), clock);
        ConferenceViewModel conference = new ConferenceViewModel(client.conferencing(), queue,
                new ConferenceTemplates(store), uri -> contacts.rows().stream().filter(r -> r.uri().equalsIgnoreCase(uri))
                        .map(ContactRow::name).findFirst().orElse(uri.replaceFirst("^sips?:", "")), clock);
        ConsoleView view = new ConsoleView(queue, contacts, notes, conference, options.address());
        Scene scene = new Scene(view.root(), 1600, 1000);
        view.install(scene);
        stage.setScene(scene);
        stage.titleProperty().unbind();
        stage.setTitle(IDENTITY.title() + " — " + options.address());
        stage.setMaximized(true);
        console = new Console(client, store, queue, contacts, notes, conference, view);
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
