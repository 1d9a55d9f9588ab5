package org.parley.attendant.signin;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.parley.attendant.AttendantOptions;
import org.parley.core.client.AccountForm;
import org.parley.core.client.ClientConfig;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.UcClient;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attendant's sign-in form: what was typed, whether it can be sent, and the sign-in itself. A bad address, server
 * or port never reaches the core; a failure shows the core's own sentence ({@link ParleyException#userMessage()}).
 * Once signed in, the server, port, transport and address (never the password) are remembered. Call on the UI thread.
 */
public final class SignInViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SignInViewModel.class);

    /** A signed-in client and where its data lives. */
    public record SignedIn(UcClient client, String address, String user, String domain, Path data) {
    }

    private final Function<ClientConfig, UcClient> clients;
    private final SignInSettings settings;
    private final Path dataRoot;
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty server = new SimpleStringProperty(this, "server", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final ObjectProperty<Transport> transport = new SimpleObjectProperty<>(this, "transport", Transport.TLS);
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final StringBinding problem;
    private final BooleanBinding canSignIn;

    public SignInViewModel(Function<ClientConfig, UcClient> clients, SignInSettings settings, Path dataRoot) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dataRoot = Objects.requireNonNull(dataRoot, "dataRoot");
        problem = Bindings.createStringBinding(this::validate, address, password, server, port, transport);
        canSignIn = problem.isEmpty().and(busy.not());
        SignInSettings.Remembered r = settings.load();
        address.set(r.address());
        server.set(r.server());
        port.set(r.port());
        transport.set(Transport.parseOr(r.transport(), Transport.TLS));
    }

    /** Fills in what the command line gave over what was remembered (the password too, if it was given). */
    public void apply(AttendantOptions options) {
        if (options.address() != null) {
            address.set(options.address());
        }
        if (options.server() != null) {
            server.set(options.server());
        }
        if (options.port() != null) {
            port.set(options.port().toString());
        }
        if (options.transport() != null) {
            transport.set(Transport.parseOr(options.transport(), Transport.TLS));
        }
        if (options.password() != null) {
            password.set(new String(options.password()));
        }
    }


    /** What must still be filled in or fixed, "" when the form can be sent. */
    String validate() {
        String wrong = form().problem("reception@example.com");
        if (!wrong.isEmpty()) {
            return wrong;
        }
        if (password.get() == null || password.get().isEmpty()) {
            return "Enter your password.";
        }
        return "";
    }

    private static String text(StringProperty p) {
        return p.get() == null ? "" : p.get().trim();
    }

    private AccountForm form() {
        return new AccountForm(address.get(), server.get(), port.get(), transport.get());
    }

    /** The account the form describes (only when {@link #validate} is empty). */
    ClientConfig config() {
        return form().config((user, domain) -> dataRoot.resolve(user + "@" + domain));
    }

    /**
     * Signs in with the form. Completes with the signed-in client; on failure {@link #errorProperty} says why (the
     * core's user message) and the future fails with the core's exception. The password field is cleared either way
     * on success, kept on failure so the attendant can correct it.
     */
    public CompletableFuture<SignedIn> signIn() {
        String wrong = validate();
        if (!wrong.isEmpty()) {
            error.set(wrong);
            return CompletableFuture.failedFuture(new ParleyException(ErrorCode.INVALID_ARGUMENT, wrong));
        }
        error.set("");
        ClientConfig config = config();
        UcClient client;
        try {
            client = clients.apply(config);
        } catch (RuntimeException e) {
            error.set(messageFor(e));
            LOG.info("cannot start the client for {}: {}", config.aor(), e.toString());
            return CompletableFuture.failedFuture(e);
        }
        busy.set(true);
        char[] secret = password.get().toCharArray();
        CompletableFuture<SignedIn> result = new CompletableFuture<>();
        client.signIn(secret).whenComplete((ok, failure) -> {
            Arrays.fill(secret, '\0');
            busy.set(false);
            if (failure != null) {
                Throwable cause = unwrap(failure);
                LOG.info("sign-in as {} failed: {}", config.aor(), cause.toString());
                error.set(messageFor(cause));
                client.closeInBackground("parley-attendant-close");
                result.completeExceptionally(cause);
                return;
            }
            password.set("");
            settings.save(new SignInSettings.Remembered(config.username() + "@" + config.domain(), text(server),
                    text(port), transport.get().name()));
            result.complete(new SignedIn(client, config.username() + "@" + config.domain(), config.username(),
                    config.domain(), config.dataDir()));
        });
        return result;
    }

    /** The sentence shown for a failed sign-in: the core's user message, starting with a capital. */
    static String messageFor(Throwable failure) {
        Throwable t = unwrap(failure);
        String m = t instanceof ParleyException p ? p.userMessage() : t.getMessage();
        if (m == null || m.isBlank()) {
            return "Sign-in failed (" + t.getClass().getSimpleName() + ").";
        }
        String sentence = Character.toUpperCase(m.charAt(0)) + m.substring(1);
        return t instanceof ParleyException ? sentence : "Sign-in failed: " + sentence;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }


    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty serverProperty() {
        return server;
    }

    public StringProperty portProperty() {
        return port;
    }

    public ObjectProperty<Transport> transportProperty() {
        return transport;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The last failure, "" when none. */
    public StringProperty errorProperty() {
        return error;
    }

    /** What must still be filled in or fixed, "" when the form can be sent. */
    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding canSignInProperty() {
        return canSignIn;
    }
}
