package org.parley.client.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.client.settings.Appearance;
import org.parley.client.shell.Navigator;
import org.parley.client.testing.FakeClient;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.Contact;
import org.parley.core.model.ContactGroup;
import org.parley.core.model.ContactKind;
import org.parley.core.model.ContactList;
import org.parley.core.model.PresenceInfo;
import org.parley.core.model.PresenceState;
import org.parley.ui.Theme;
import org.parley.ui.ThemeSwitcher;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * 5,000 contacts sorted by presence in a real window, 1,000 presence updates a second for two seconds: frames keep
 * coming and the list re-sorts at most once per coalescing delay (the benchmark measures pulse gaps precisely).
 */
@ExtendWith(ApplicationExtension.class)
class PresenceStormScreenTest {
    private static final int CONTACTS = 5000;
    private static final int TICKS = 200;
    private static final Navigator NOWHERE = new Navigator() {
        @Override
        public void openConversation(String peerOrSession) {
        }

        @Override
        public void startConversation(List<String> participants, String subject) {
        }

        @Override
        public void showContactCard(String uri) {
        }

        @Override
        public void showHistory(String participant) {
        }

        @Override
        public void showOptions() {
        }

        @Override
        public void signOut() {
        }
    };

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aPresenceStormOnFiveThousandContactsKeepsFramesComingAndCoalescesReSorting() throws Exception {
        FakeClient client = new FakeClient();
        List<ContactGroup> groups = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        for (int g = 0; g < 20; g++) {
            groups.add(new ContactGroup("g" + g, "Group " + g, null));
        }
        for (int i = 0; i < CONTACTS; i++) {
            contacts.add(new Contact("sip:u" + i + "@x.test", "Person " + i, ContactKind.USER, List.of("g" + (i % 20)),
                    false, null, AccessLevel.COMPANY));
        }
        client.list = new ContactList(1, groups, contacts);
        Stage stage = FxToolkit.registerPrimaryStage();
        ContactListViewModel[] vm = new ContactListViewModel[1];
        FxToolkit.setupFixture(() -> {
            vm[0] = new ContactListViewModel(client, new OpenConversations(), Later.fx(150));
            vm[0].sortByPresenceProperty().set(true);
            ContactActions actions = new ContactActions(vm[0], NOWHERE, uri -> { });
            Appearance appearance = new Appearance(new ThemeSwitcher(), Theme.LIGHT, 13);
            ContactListView view = new ContactListView(vm[0], actions,
                    new ContactDialogs(vm[0], actions, appearance, () -> stage), appearance.fontSizeProperty());
            vm[0].start();
            Scene scene = new Scene(view.root(), 380, 720);
            appearance.attach(scene);
            stage.setScene(scene);
            stage.show();
        });
        long[] frames = {0};
        long[] last = {0};
        long[] maxGap = {0};
        AnimationTimer[] pulses = new AnimationTimer[1];
        int[] sent = {0};
        long[] started = {0};
        int[] rebuildsBefore = {0};
        PresenceState[] states = {PresenceState.AVAILABLE, PresenceState.BUSY, PresenceState.AWAY,
                PresenceState.DO_NOT_DISTURB};
        FxToolkit.setupFixture(() -> {
            pulses[0] = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (last[0] != 0) {
                        maxGap[0] = Math.max(maxGap[0], now - last[0]);
                    }
                    last[0] = now;
                    frames[0]++;
                }
            };
            pulses[0].start();
            rebuildsBefore[0] = vm[0].rebuildCount();
            started[0] = System.nanoTime();
            Timeline storm = new Timeline(new KeyFrame(Duration.millis(10), e -> {
                for (int k = 0; k < 10; k++, sent[0]++) {
                    vm[0].presenceChanged("sip:u" + (sent[0] * 7919) % CONTACTS + "@x.test",
                            PresenceInfo.of(states[sent[0] % states.length]), null);
                }
            }));
            storm.setCycleCount(TICKS);
            storm.play();
        });
        Thread.sleep(TICKS * 10 + 1000);
        long[] elapsedMs = {0};
        int[] rebuilds = {0};
        FxToolkit.setupFixture(() -> {
            pulses[0].stop();
            elapsedMs[0] = (System.nanoTime() - started[0]) / 1_000_000;
            rebuilds[0] = vm[0].rebuildCount() - rebuildsBefore[0];
        });
        System.out.printf("presence storm: %d updates, %d frames in %d ms, longest gap %d ms, %d rebuilds%n",
                sent[0], frames[0], elapsedMs[0], maxGap[0] / 1_000_000, rebuilds[0]);
        assertThat(sent[0]).isEqualTo(TICKS * 10);
        assertThat((long) rebuilds[0]).as("re-sorting coalesced to one per 150 ms").isLessThanOrEqualTo(elapsedMs[0] / 150 + 2);
        assertThat(frames[0]).as("frames kept coming").isGreaterThan(elapsedMs[0] / 100);
        assertThat(maxGap[0] / 1_000_000).as("no frame waited a second").isLessThan(1000);
    }
}
