package org.parley.attendant.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.attendant.AttendantOptions;
import org.parley.core.client.ClientConfig;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.UcClient;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;

class SignInViewModelTest {
    @TempDir
    Path data;
    private final List<ClientConfig> started = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private CompletableFuture<Void> answer = CompletableFuture.completedFuture(null);

    /** A client whose sign-in completes with {@link #answer}; it records close(). */
    private UcClient client(ClientConfig cfg) {
        started.add(cfg);
        return (UcClient) Proxy.newProxyInstance(UcClient.class.getClassLoader(), new Class<?>[]{UcClient.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "signIn" -> answer;
                    case "close" -> {
                        closed.set(true);
                        yield null;
                    }
                    case "closeInBackground" -> java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                    case "toString" -> "fake client";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private SignInViewModel vm() {
        return new SignInViewModel(this::client, new SignInSettings(data), data);
    }

    private static void fill(SignInViewModel vm, String address, String server, String port, Transport t, String pw) {
        vm.addressProperty().set(address);
        vm.serverProperty().set(server);
        vm.portProperty().set(port);
        vm.transportProperty().set(t);
        vm.passwordProperty().set(pw);
    }

    @Test
    void addressMustBeUserAtDomain() {
        SignInViewModel vm = vm();
        fill(vm, "", "", "", Transport.TCP, "secret");
        assertThat(vm.problemProperty().get()).contains("Enter your sign-in address");
        for (String bad : List.of("frontdesk", "@parley.test", "frontdesk@", "a@b@c", "front desk@parley.test",
                "frontdesk@parley test")) {
            vm.addressProperty().set(bad);
            assertThat(vm.problemProperty().get()).as(bad).contains("must look like name@domain");
            assertThat(vm.canSignInProperty().get()).as(bad).isFalse();
        }
        vm.addressProperty().set("Frontdesk@Parley.Test");
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.canSignInProperty().get()).isTrue();
    }

    @Test
    void serverPortTransportAndPasswordAreChecked() {
        SignInViewModel vm = vm();
        fill(vm, "frontdesk@parley.test", "host name", "", Transport.TCP, "secret");
        assertThat(vm.problemProperty().get()).contains("server must be a host name");
        vm.serverProperty().set("127.0.0.1:5060");
        assertThat(vm.problemProperty().get()).contains("server must be a host name");
        vm.serverProperty().set("sip.parley.test");
        for (String bad : List.of("0", "65536", "50x", "-1")) {
            vm.portProperty().set(bad);
            assertThat(vm.problemProperty().get()).as(bad).contains("port must be a number from 1 to 65535");
        }
        vm.portProperty().set("5070");
        vm.transportProperty().set(null);
        assertThat(vm.problemProperty().get()).contains("Choose a transport");
        vm.transportProperty().set(Transport.UDP);
        vm.passwordProperty().set("");
        assertThat(vm.problemProperty().get()).isEqualTo("Enter your password.");
        vm.passwordProperty().set("secret");
        assertThat(vm.canSignInProperty().get()).isTrue();
    }

    @Test
    void invalidFormNeverStartsAClient() {
        SignInViewModel vm = vm();
        fill(vm, "frontdesk", "", "", Transport.TCP, "secret");
        assertThat(vm.signIn()).isCompletedExceptionally();
        assertThat(started).isEmpty();
        assertThat(vm.errorProperty().get()).contains("must look like name@domain");
    }

    @Test
    void blankServerAndPortUseTheDomainAndTheTransportsDefaultPort() {
        SignInViewModel vm = vm();
        fill(vm, "sip:FrontDesk@Parley.Test", " ", "", Transport.TLS, "secret");
        assertThat(vm.signIn()).isCompleted();
        ClientConfig cfg = started.get(0);
        assertThat(cfg.serverHost()).isEqualTo("parley.test");
        assertThat(cfg.serverPort()).isEqualTo(Transport.TLS.defaultPort());
        assertThat(cfg.username()).isEqualTo("frontdesk");
        assertThat(cfg.domain()).isEqualTo("parley.test");
        assertThat(cfg.dataDir()).isEqualTo(data.resolve("frontdesk@parley.test"));
    }

    @Test
    void wrongPasswordShowsTheCoresUserMessageAndClosesTheClient() throws Exception {
        answer = CompletableFuture.failedFuture(new ParleyException(ErrorCode.AUTHENTICATION_FAILED,
                "sign-in refused: wrong user name or password"));
        SignInViewModel vm = vm();
        fill(vm, "frontdesk@parley.test", "127.0.0.1", "5099", Transport.TCP, "wrong");
        CompletableFuture<SignInViewModel.SignedIn> result = vm.signIn();
        assertThat(result).isCompletedExceptionally();
        assertThat(vm.errorProperty().get()).isEqualTo("Sign-in refused: wrong user name or password");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.passwordProperty().get()).isEqualTo("wrong"); // kept to be corrected
        for (int i = 0; i < 50 && !closed.get(); i++) {
            Thread.sleep(20); // closed off the caller's thread
        }
        assertThat(closed).isTrue();
        assertThat(Files.exists(data.resolve(SignInSettings.FILE))).isFalse();
    }

    @Test
    void signingInRemembersServerPortTransportAndAddressButNotThePassword() throws Exception {
        CompletableFuture<Void> pending = new CompletableFuture<>();
        answer = pending;
        SignInViewModel vm = vm();
        fill(vm, "frontdesk@parley.test", "127.0.0.1", "5099", Transport.TCP, "pw-frontdesk");
        CompletableFuture<SignInViewModel.SignedIn> result = vm.signIn();
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.canSignInProperty().get()).isFalse();
        pending.complete(null);
        assertThat(result.get().address()).isEqualTo("frontdesk@parley.test");
        assertThat(vm.passwordProperty().get()).isEmpty();
        String saved = Files.readString(data.resolve(SignInSettings.FILE));
        assertThat(saved).doesNotContain("pw-frontdesk").doesNotContainPattern("(?m)^password");

        SignInViewModel again = vm();
        assertThat(again.addressProperty().get()).isEqualTo("frontdesk@parley.test");
        assertThat(again.serverProperty().get()).isEqualTo("127.0.0.1");
        assertThat(again.portProperty().get()).isEqualTo("5099");
        assertThat(again.transportProperty().get()).isEqualTo(Transport.TCP);
        assertThat(again.passwordProperty().get()).isEmpty();
        assertThat(again.problemProperty().get()).isEqualTo("Enter your password.");
    }

    @Test
    void launchOptionsOverrideWhatWasRemembered() {
        new SignInSettings(data).save(new SignInSettings.Remembered("old@parley.test", "old.host", "1", "UDP"));
        SignInViewModel vm = vm();
        vm.apply(new AttendantOptions(data, "127.0.0.1", 5080, "TCP", "frontdesk@parley.test", "pw".toCharArray()));
        assertThat(vm.addressProperty().get()).isEqualTo("frontdesk@parley.test");
        assertThat(vm.serverProperty().get()).isEqualTo("127.0.0.1");
        assertThat(vm.portProperty().get()).isEqualTo("5080");
        assertThat(vm.transportProperty().get()).isEqualTo(Transport.TCP);
        assertThat(vm.passwordProperty().get()).isEqualTo("pw");
    }
}
