package org.parley.client.delegation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.client.contacts.ContactRow;
import org.parley.client.testing.Parties;
import org.parley.client.testing.SignedInApp;
import org.parley.core.client.DelegationService.RingMode;
import org.parley.core.client.DelegationService.Settings;
import org.parley.core.client.sip.SipUcClient;
import org.parley.server.testsupport.TestServerExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Mia (a real core client) names Alice as her delegate on a real server; Alice's Communicator then lists Mia under
 * "Managers" in the contact list.
 */
@ExtendWith(ApplicationExtension.class)
class DelegationScreenTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "mia");
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
    void aDelegateSeesTheManagerWhoNamedThemUnderManagers(FxRobot robot) throws Exception {
        SipUcClient mia = parties.signedIn(parley.server(), "mia");
        mia.delegation().setSettings(new Settings(List.of("sip:alice@parley.test"), RingMode.WITH_MANAGER, 0))
                .get(10, TimeUnit.SECONDS);

        app = SignedInApp.signIn(parley.server(), parties, data, "alice");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> managersRow(app) != null);
        List<ContactRow> rows = app.main().contacts().rows();
        int at = rows.indexOf(managersRow(app));
        assertThat(rows.get(at + 1)).isInstanceOfSatisfying(ContactRow.Entry.class,
                e -> assertThat(e.item().uri()).isEqualToIgnoringCase("sip:mia@parley.test"));
    }

    @Test
    void aManagerNamesADelegateInTheDelegatesDialogAndTheServerAuthorizesThem(FxRobot robot) throws Exception {
        SipUcClient mia = parties.signedIn(parley.server(), "mia");
        app = SignedInApp.signIn(parley.server(), parties, data, "alice");

        robot.interact(() -> app.windows().showCallForwarding());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#openDelegates").queryAll().isEmpty());
        robot.clickOn("#openDelegates");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#newDelegate").queryAll().isEmpty());
        robot.clickOn("#addDelegate");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "Type a name or address to add as a delegate.".equals(
                robot.lookup("#delegatesError").queryAs(javafx.scene.control.Label.class).getText()));
        robot.interact(() -> robot.lookup("#newDelegate").queryAs(javafx.scene.control.ComboBox.class).getEditor()
                .setText("mia"));
        robot.clickOn("#addDelegate");
        robot.clickOn("#ringDelegatesOnly");
        robot.clickOn("#saveDelegates");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#saveDelegates").queryAll().isEmpty());

        // The manager's own contact list re-reads its Delegates group once saved.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.main().contacts().rows().stream().anyMatch(
                r -> r instanceof ContactRow.Entry e && e.section() == ContactRow.Section.DELEGATES
                        && e.item().uri().equalsIgnoreCase("sip:mia@parley.test")));
        assertThat(mia.delegation().managers().get(10, TimeUnit.SECONDS))
                .anySatisfy(m -> assertThat(m).isEqualToIgnoringCase("sip:alice@parley.test"));
        SipUcClient alice = parties.signedIn(parley.server(), "alice");
        Settings stored = alice.delegation().settings().get(10, TimeUnit.SECONDS);
        assertThat(stored.mode()).isEqualTo(RingMode.DELEGATES_ONLY);
        assertThat(stored.delegates()).singleElement().satisfies(d -> assertThat(d).isEqualToIgnoringCase(
                "sip:mia@parley.test"));
    }

    private static ContactRow managersRow(SignedInApp app) {
        return app.main().contacts().rows().stream()
                .filter(r -> r instanceof ContactRow.Header h && h.title().equals("Managers")).findFirst().orElse(null);
    }
}
