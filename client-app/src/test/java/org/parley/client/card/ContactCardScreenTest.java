package org.parley.client.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.client.testing.Parties;
import org.parley.client.testing.SignedInApp;
import org.parley.client.testing.Snapshots;
import org.parley.core.client.sip.SipUcClient;
import org.parley.core.model.AccessLevel;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;
import org.parley.server.users.UserCredentials;
import org.parley.server.users.UserProfile;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Bob looks at Carol's contact card; when Carol lowers the access level she grants Bob to Public, the work phone and
 * her note disappear from the card Bob has open, while her title stays.
 */
@ExtendWith(ApplicationExtension.class)
class ContactCardScreenTest {
    private static final String CAROL = "sip:carol@parley.test";

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

    private Node inCard(FxRobot robot, String id) {
        return robot.listWindows().stream().filter(Window::isShowing)
                .map(w -> w.getScene().lookup(id)).filter(n -> n != null).findFirst().orElse(null);
    }

    @Test
    void aLowerAccessLevelFromTheOtherSideHidesTheFieldsItNoLongerAllows(FxRobot robot) throws Exception {
        parley.server().users().add(new UserProfile("carol", "Carol Jones", "Engineer", "R&D", "carol@parley.test",
                "+1 555 0100", "+1 555 0101", null), UserCredentials.fromPassword("carol", TestServer.DOMAIN,
                TestServer.password("carol")));
        SipUcClient carol = parties.signedIn(parley.server(), "carol");
        carol.presence().setNote("Reviewing designs").get(5, TimeUnit.SECONDS);
        app = SignedInApp.signIn(parley.server(), parties, data, "bob");
        robot.interact(() -> {
            var main = app.main();
            main.actions().addToGroup(main.contacts().track(CAROL), null);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.main().contacts().list().contact(CAROL).isPresent());
        robot.interact(() -> app.windows().showContactCard(CAROL));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> inCard(robot, "#card-workPhone") != null);
        assertThat(((Label) inCard(robot, "#cardName")).getText()).isEqualTo("Carol Jones");
        assertThat(((Label) inCard(robot, "#card-title")).getText()).isEqualTo("Engineer");
        assertThat(((Label) inCard(robot, "#cardNote")).getText()).isEqualTo("Reviewing designs");
        assertThat(inCard(robot, "#card-mobilePhone")).as("Company does not see the mobile").isNull();
        snapshot(robot, "card-company");

        carol.contacts().add("sip:bob@parley.test", null).get(5, TimeUnit.SECONDS);
        carol.contacts().setAccessLevel("sip:bob@parley.test", AccessLevel.PUBLIC).get(5, TimeUnit.SECONDS);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> inCard(robot, "#card-workPhone") == null);
        assertThat(((Label) inCard(robot, "#card-title")).getText()).isEqualTo("Engineer");
        assertThat(inCard(robot, "#cardNote").isVisible()).isFalse();
    }

    private void snapshot(FxRobot robot, String name) {
        String dir = System.getProperty("parley.snapshots");
        if (dir != null) {
            robot.interact(() -> app.windows().contactCard(CAROL).ifPresent(
                    w -> Snapshots.save(w.stage().getScene(), Path.of(dir, name + ".png"))));
        }
    }
}
