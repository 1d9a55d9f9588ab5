package org.parley.client.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.client.testing.Parties;
import org.parley.client.testing.SignedInApp;
import org.parley.core.client.sip.SipUcClient;
import org.parley.core.model.PresenceState;
import org.parley.server.testsupport.TestServerExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Signing out from the keyboard: the others see me offline and the sign-in screen comes back with my address. */
@ExtendWith(ApplicationExtension.class)
class SignOutScreenTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");
    @RegisterExtension
    final Parties parties = new Parties();
    @TempDir
    Path data;
    private SignedInApp app;

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theSignOutShortcutReturnsToTheSignInScreenAndOthersSeeMeOffline(FxRobot robot) throws Exception {
        SipUcClient alice = parties.signedIn(parley.server(), "alice");
        alice.contacts().add("sip:bob@parley.test", null).get(5, TimeUnit.SECONDS);
        app = SignedInApp.signIn(parley.server(), parties, data, "bob");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> alice.presence().of("sip:bob@parley.test")
                .map(p -> p.state() == PresenceState.AVAILABLE).orElse(false));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Q).release(KeyCode.Q, KeyCode.SHIFT, KeyCode.CONTROL);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#signInView").tryQuery().isPresent());
        assertThat(robot.lookup("#signInAddress").queryAs(TextField.class).getText()).isEqualTo("bob@parley.test");
        assertThat(app.windows().session()).isEmpty();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> alice.presence().of("sip:bob@parley.test")
                .map(p -> p.state() == PresenceState.OFFLINE).orElse(false));
    }
}
