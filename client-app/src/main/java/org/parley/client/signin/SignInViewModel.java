package org.parley.client.signin;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.parley.client.LaunchOptions;
import org.parley.client.settings.ClientSettings;
import org.parley.client.settings.SettingsStore;
import org.parley.client.shell.ClientFactory;
import org.parley.client.shell.Session;
import org.parley.core.client.AccountForm;
import org.parley.core.client.ClientConfig;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.Credentials;
import org.parley.core.client.UcClient;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sign-in form: what the user typed, whether it can be sent, and the sign-in itself. Validates before trying (a
 * bad address or port never reaches the core), shows a clear sentence for every failure the core reports, and
 * remembers the account in the settings once signed in. Call on the JavaFX application thread.
 */
public final class SignInViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SignInViewModel.class);

    private final ClientFactory factory;
    private final SettingsStore settings;
    private final RememberedSignIn remembered;
    private final StringProperty server = new SimpleStringProperty(this, "server", "");
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ObjectProperty<Transport> transport = new SimpleObjectProperty<>(this, "transport", Transport.TLS);
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final BooleanProperty rememberMe = new SimpleBooleanProperty(this, "rememberMe");
    private final BooleanProperty signInAtStart = new SimpleBooleanProperty(this, "signInAtStart");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    /** True when a remembered sign-in exists for the address typed: the password may stay empty. */
    private final BooleanProperty passwordRemembered = new SimpleBooleanProperty(this, "passwordRemembered");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final StringBinding problem;
    private final BooleanBinding canSignIn;

    public SignInViewModel(ClientFactory factory, SettingsStore settings) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.remembered = new RememberedSignIn(settings);
        problem = Bindings.createStringBinding(this::validate, server, address, password, port, passwordRemembered);
        canSignIn = problem.isEmpty().and(busy.not());
        rememberMe.addListener((obs, old, now) -> {
            if (!now) {
                signInAtStart.set(false);
                String[] ud = AccountForm.parseAddress(address.get() == null ? "" : address.get());
                if (ud != null && passwordRemembered.get()) {
                    remembered.forget(ud[0], ud[1]);
                    passwordRemembered.set(false);
                }
            }
        });
        address.addListener((obs, old, now) -> lookUpRemembered());
        ClientSettings s = settings.load();
        server.set(s.server());
        address.set(s.address());
        transport.set(Transport.parseOr(s.transport(), Transport.TLS));
        port.set(s.port() > 0 ? Integer.toString(s.port()) : "");
        rememberMe.set(s.rememberMe());
        signInAtStart.set(s.signInAtStart() && s.rememberMe());
        lookUpRemembered();
    }

    private void lookUpRemembered() {
        String[] ud = AccountForm.parseAddress(address.get() == null ? "" : address.get());
        passwordRemembered.set(ud != null && rememberMe.get() && remembered.load(ud[0], ud[1]).isPresent());
    }

    /** True when the settings ask to sign in at start-up and a remembered sign-in exists for the address. */
    public boolean signsInAtStart() {
        return signInAtStart.get() && rememberMe.get() && passwordRemembered.get();
    }

    /** Fills in what the command line says over what the settings remember. */
    public void apply(LaunchOptions options) {
        if (options.server() != null) {
            server.set(options.server());
        }
        if (options.transport() != null) {
            transport.set(Transport.parseOr(options.transport(), Transport.TLS));
        }
        if (options.port() != null) {
            port.set(options.port().toString());
        }
        if (options.address() != null) {
            address.set(options.address());
        }
        if (options.password() != null) {
            password.set(new String(options.password()));
        }
    }


    /** What is wrong with the form, or "" when it can be sent. */
    String validate() {
        String wrong = form().problem("alice@example.com");
        if (!wrong.isEmpty()) {
            return wrong;
        }
        if ((password.get() == null || password.get().isEmpty()) && !passwordRemembered.get()) {
            return "Enter your password.";
        }
        return "";
    }

    private AccountForm form() {
        return new AccountForm(address.get(), server.get(), port.get(), transport.get());
    }

    /** The account the form describes (call only when {@link #validate} is empty). */
    ClientConfig config() {
        return form().config(settings::accountDir);
    }

    /**
     * Signs in with the form's account and password. Completes with the signed-in session; on failure {@link #error}
     * says why and the future fails with the core's exception.
     */
    public CompletableFuture<Session> signIn() {
        String wrong = validate();
        if (!wrong.isEmpty()) {
            error.set(wrong);
            return CompletableFuture.failedFuture(new ParleyException(ErrorCode.INVALID_ARGUMENT, wrong));
        }
        error.set("");
        busy.set(true);
        ClientConfig config;
        try {
            config = config();
        } catch (RuntimeException e) {
            return cannotStart(e);
        }
        char[] secret = password.get() == null ? new char[0] : password.get().toCharArray();
        CompletableFuture<Session> result = new CompletableFuture<>();
        factory.start(config).whenComplete((client, e) -> {
            if (e != null) {
                Arrays.fill(secret, '\0');
                cannotStart(SignInErrors.unwrap(e)).whenComplete((v, x) -> result.completeExceptionally(x));
            } else {
                signIn(config, client, secret, result);
            }
        });
        return result;
    }

    private CompletableFuture<Session> cannotStart(Throwable e) {
        busy.set(false);
        error.set(SignInErrors.messageFor(e, serverLabel()));
        LOG.info("cannot start the client: {}", e.toString());
        return CompletableFuture.failedFuture(e);
    }

    private void signIn(ClientConfig config, UcClient client, char[] secret, CompletableFuture<Session> result) {
        Optional<Credentials.Hashed> kept = secret.length == 0
                ? remembered.load(config.username(), config.domain()) : Optional.empty();
        CompletableFuture<Void> attempt = kept.isPresent() ? client.signIn(kept.get())
                : client.signIn(Credentials.password(secret));
        attempt.whenComplete((v, e) -> {
            busy.set(false);
            if (e != null) {
                Arrays.fill(secret, '\0');
                Throwable cause = SignInErrors.unwrap(e);
                LOG.info("sign-in as {} failed: {}", config.aor(), cause.toString());
                boolean staleHashes = kept.isPresent() && cause instanceof ParleyException p
                        && p.code() == ErrorCode.AUTHENTICATION_FAILED;
                if (staleHashes) {
                    remembered.forget(config.username(), config.domain());
                    passwordRemembered.set(false);
                    error.set("Your remembered password no longer works. Enter your password.");
                } else {
                    error.set(SignInErrors.messageFor(cause, serverLabel()));
                }
                client.closeInBackground("parley-client-close");
                result.completeExceptionally(cause);
                return;
            }
            if (rememberMe.get() && secret.length > 0) {
                remembered.save(config.username(), config.domain(), secret);
            } else if (!rememberMe.get()) {
                remembered.forget(config.username(), config.domain());
            }
            Arrays.fill(secret, '\0');
            passwordRemembered.set(rememberMe.get() && (secret.length > 0 || kept.isPresent()));
            remember(config);
            if (!rememberMe.get()) {
                password.set("");
            }
            result.complete(new Session(client, config));
        });
    }

    private String serverLabel() {
        String[] ud = AccountForm.parseAddress(address.get() == null ? "" : address.get());
        String host = server.get() == null || server.get().isBlank() ? (ud == null ? "?" : ud[1]) : server.get().trim();
        String p = port.get() == null || port.get().isBlank() ? Integer.toString(transport.get().defaultPort())
                : port.get().trim();
        return host + ":" + p + " (" + transport.get() + ")";
    }

    private void remember(ClientConfig config) {
        String p = port.get() == null ? "" : port.get().trim();
        ClientSettings now = settings.load().withAccount(server.get() == null ? "" : server.get().trim(),
                p.isEmpty() ? 0 : AccountForm.parsePort(p), transport.get().name(), config.username() + "@" + config.domain(),
                rememberMe.get(), rememberMe.get() && signInAtStart.get());
        try {
            settings.save(now);
        } catch (ParleyException e) {
            LOG.warn("signed in, but {}", e.getMessage());
        }
    }


    public StringProperty serverProperty() {
        return server;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ObjectProperty<Transport> transportProperty() {
        return transport;
    }

    public StringProperty portProperty() {
        return port;
    }

    public BooleanProperty rememberMeProperty() {
        return rememberMe;
    }

    public BooleanProperty signInAtStartProperty() {
        return signInAtStart;
    }

    public BooleanProperty passwordRememberedProperty() {
        return passwordRemembered;
    }

    /** Forgets the remembered sign-in of {@code user@domain} (explicit sign-out, decision 0006). */
    public void forget(String user, String domain) {
        remembered.forget(user, domain);
        passwordRemembered.set(false);
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
