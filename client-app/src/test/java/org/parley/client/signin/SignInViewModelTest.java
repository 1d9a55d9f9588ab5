package org.parley.client.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.client.LaunchOptions;
import org.parley.client.settings.SettingsStore;
import org.parley.client.testing.FakeClient;
import org.parley.core.client.ClientConfig;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;

class SignInViewModelTest {
    @TempDir
    Path root;
    private final FakeClient client = new FakeClient();
    private final AtomicReference<ClientConfig> created = new AtomicReference<>();

    private SignInViewModel vm() {
        return new SignInViewModel(cfg -> {
            created.set(cfg);
            return client;
        }, new SettingsStore(root));
    }

    private static SignInViewModel filled(SignInViewModel vm) {
        vm.addressProperty().set("alice@example.com");
        vm.passwordProperty().set("secret");
        return vm;
    }

    @Test
    void anEmptyFormCannotBeSentAndAsksForTheAddress() {
        SignInViewModel vm = vm();
        assertThat(vm.canSignInProperty().get()).isFalse();
        assertThat(vm.problemProperty().get()).contains("sign-in address");
    }

    @Test
    void aCompleteFormCanBeSent() {
        SignInViewModel vm = filled(vm());
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.canSignInProperty().get()).isTrue();
    }

    @Test
    void malformedAddressesAreRefusedBeforeTryingAndSipPrefixIsAccepted() {
        SignInViewModel vm = filled(vm());
        for (String bad : new String[]{"alice", "alice@", "@example.com", "al ice@example.com", "a@b@c", "alice@exa mple"}) {
            vm.addressProperty().set(bad);
            assertThat(vm.canSignInProperty().get()).as(bad).isFalse();
            assertThat(vm.problemProperty().get()).as(bad).contains("name@domain");
        }
        vm.addressProperty().set("sip:Alice@Example.com");
        assertThat(vm.canSignInProperty().get()).isTrue();
    }

    @Test
    void portMustBeANumberInRangeOrBlank() {
        SignInViewModel vm = filled(vm());
        for (String bad : new String[]{"0", "65536", "http", "-1"}) {
            vm.portProperty().set(bad);
            assertThat(vm.problemProperty().get()).as(bad).contains("port must be a number from 1 to 65535");
        }
        vm.portProperty().set(" ");
        assertThat(vm.canSignInProperty().get()).isTrue();
        vm.portProperty().set("5070");
        assertThat(vm.canSignInProperty().get()).isTrue();
    }

    @Test
    void serverWithSpacesOrAPortIsRefused() {
        SignInViewModel vm = filled(vm());
        vm.serverProperty().set("sip.example.com:5060");
        assertThat(vm.problemProperty().get()).contains("host name or an IP address");
        vm.serverProperty().set("sip example");
        assertThat(vm.canSignInProperty().get()).isFalse();
    }

    @Test
    void blankServerAndPortMeanTheDomainAndTheTransportsDefault() {
        SignInViewModel vm = filled(vm());
        vm.serverProperty().set("");
        vm.transportProperty().set(Transport.TLS);
        ClientConfig cfg = vm.config();
        assertThat(cfg.serverHost()).isEqualTo("example.com");
        assertThat(cfg.serverPort()).isEqualTo(5061);
        assertThat(cfg.username()).isEqualTo("alice");
        assertThat(cfg.domain()).isEqualTo("example.com");
        assertThat(cfg.dataDir()).isEqualTo(root.resolve("accounts").resolve("alice@example.com"));
    }

    @Test
    void signInAtStartNeedsRememberMe() {
        SignInViewModel vm = vm();
        vm.rememberMeProperty().set(true);
        vm.signInAtStartProperty().set(true);
        vm.rememberMeProperty().set(false);
        assertThat(vm.signInAtStartProperty().get()).isFalse();
    }

    @Test
    void launchOptionsFillTheForm() {
        SignInViewModel vm = vm();
        vm.apply(new LaunchOptions(root, "10.0.0.5", 5080, "udp", "bob@corp.example", "pw".toCharArray()));
        assertThat(vm.serverProperty().get()).isEqualTo("10.0.0.5");
        assertThat(vm.portProperty().get()).isEqualTo("5080");
        assertThat(vm.transportProperty().get()).isEqualTo(Transport.UDP);
        assertThat(vm.addressProperty().get()).isEqualTo("bob@corp.example");
        assertThat(vm.canSignInProperty().get()).isTrue();
    }

    @Test
    void successfulSignInGivesASessionAndRemembersTheAccountButNotThePassword() throws Exception {
        SignInViewModel vm = filled(vm());
        vm.transportProperty().set(Transport.TCP);
        var session = vm.signIn().get();
        assertThat(session.aor()).isEqualTo("sip:alice@example.com");
        assertThat(vm.busyProperty().get()).isFalse();
        var saved = new SettingsStore(root).load();
        assertThat(saved.address()).isEqualTo("alice@example.com");
        assertThat(saved.transport()).isEqualTo("TCP");
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(Files.exists(created.get().dataDir().resolve(RememberedSignIn.FILE))).isFalse();
    }

    @Test
    void rememberMeKeepsHashesThatSignInWithoutAPasswordNextTime() throws Exception {
        SignInViewModel vm = filled(vm());
        vm.rememberMeProperty().set(true);
        vm.signInAtStartProperty().set(true);
        vm.signIn().get();
        Path file = created.get().dataDir().resolve(RememberedSignIn.FILE);
        assertThat(Files.readString(file)).doesNotContain("secret");

        SignInViewModel next = vm();
        assertThat(next.passwordRememberedProperty().get()).isTrue();
        assertThat(next.signsInAtStart()).isTrue();
        assertThat(next.canSignInProperty().get()).as("no password needed").isTrue();
        next.signIn().get();
        assertThat(client.calls).containsSubsequence("signIn password", "signIn hashed");
    }

    @Test
    void everyFailureTheCoreReportsHasItsOwnSentence() {
        String at = "sip.example.com:5061 (TLS)";
        assertThat(SignInErrors.messageFor(new ParleyException(ErrorCode.AUTHENTICATION_FAILED, "403"), at))
                .isEqualTo("Wrong sign-in address or password.");
        assertThat(SignInErrors.messageFor(new ParleyException(ErrorCode.NETWORK_FAILURE, "refused"), at))
                .startsWith("Cannot reach the server sip.example.com:5061 (TLS).");
        assertThat(SignInErrors.messageFor(new ParleyException(ErrorCode.CERTIFICATE_MISMATCH, "pin"), at))
                .startsWith("The server's certificate changed since you last signed in.");
        assertThat(SignInErrors.messageFor(new ParleyException(ErrorCode.TIMEOUT, "408"), at))
                .contains("did not answer in time");
        assertThat(SignInErrors.messageFor(new ParleyException(ErrorCode.INVALID_ARGUMENT, "bad host"), at))
                .isEqualTo("Check the sign-in details: bad host");
        assertThat(SignInErrors.messageFor(new java.util.concurrent.CompletionException(
                new ParleyException(ErrorCode.AUTHENTICATION_FAILED, "x")), at)).startsWith("Wrong");
    }

    @Test
    void aRefusedSignInShowsTheMessageClosesTheClientAndFreesTheButton() {
        client.signInResult = CompletableFuture.failedFuture(
                new ParleyException(ErrorCode.AUTHENTICATION_FAILED, "sign-in refused"));
        SignInViewModel vm = filled(vm());
        CompletableFuture<?> f = vm.signIn();
        assertThat(f).isCompletedExceptionally();
        assertThat(vm.errorProperty().get()).isEqualTo("Wrong sign-in address or password.");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.canSignInProperty().get()).isTrue();
    }

    @Test
    void aClientThatCannotStartIsReportedToo() {
        SignInViewModel vm = new SignInViewModel(cfg -> {
            throw new ParleyException(ErrorCode.NETWORK_FAILURE, "no route");
        }, new SettingsStore(root));
        filled(vm);
        vm.serverProperty().set("");
        assertThat(vm.signIn()).isCompletedExceptionally();
        assertThat(vm.errorProperty().get()).startsWith("Cannot reach the server example.com:5061");
    }

    @Test
    void aClientStartingOnAWorkerKeepsTheFormBusyThenSignsIn() {
        CompletableFuture<org.parley.core.client.UcClient> starting = new CompletableFuture<>();
        SignInViewModel vm = filled(new SignInViewModel(new org.parley.client.shell.ClientFactory() {
            @Override
            public org.parley.core.client.UcClient create(ClientConfig cfg) {
                throw new AssertionError("the view model asks for start(), not create()");
            }

            @Override
            public CompletableFuture<org.parley.core.client.UcClient> start(ClientConfig cfg) {
                created.set(cfg);
                return starting;
            }
        }, new SettingsStore(root)));
        CompletableFuture<?> f = vm.signIn();
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(f).isNotDone();
        assertThat(created.get().aor()).isEqualTo("sip:alice@example.com");

        starting.complete(client);
        assertThat(f).isCompleted();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void aClientFailingToStartOnAWorkerIsReported() {
        SignInViewModel vm = filled(new SignInViewModel(new org.parley.client.shell.ClientFactory() {
            @Override
            public org.parley.core.client.UcClient create(ClientConfig cfg) {
                throw new AssertionError("not used");
            }

            @Override
            public CompletableFuture<org.parley.core.client.UcClient> start(ClientConfig cfg) {
                return CompletableFuture.failedFuture(new java.util.concurrent.CompletionException(
                        new ParleyException(ErrorCode.STORAGE_FAILURE, "disk full")));
            }
        }, new SettingsStore(root)));
        assertThat(vm.signIn()).isCompletedExceptionally();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isNotEmpty();
    }
}
