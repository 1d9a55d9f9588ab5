package org.parley.client.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.client.testing.Parties;
import org.parley.client.testing.SignedInApp;
import org.parley.server.testsupport.TestServerExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The server goes away: the main window says so in a banner, and the banner goes when the client is back. */
@ExtendWith(ApplicationExtension.class)
class ConnectionBannerScreenTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("bob");
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
    void aLostServerShowsTheReconnectingBannerUntilTheClientIsSignedInAgain(FxRobot robot) throws Exception {
        app = SignedInApp.signIn(parley.server(), parties, data, "bob");
        Label banner = robot.lookup("#connectionBanner").queryAs(Label.class);
        assertThat(banner.isVisible()).isFalse();
        int sip = parley.server().sipPort();
        int tls = parley.server().tlsPort();

        parley.server().close();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, banner::isVisible);
        assertThat(banner.getText()).startsWith("Connection to the server lost. Reconnecting…");
        app.snapshot("main-reconnecting");

        parley.restart(c -> c.withPorts(sip, tls));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !banner.isVisible());
    }
}
