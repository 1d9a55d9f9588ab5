package org.parley.client.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.core.client.FileTransferService.Direction;
import org.parley.core.client.FileTransferService.FileTransfer;
import org.parley.core.client.FileTransferService.State;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.InstantMessage;
import org.parley.core.model.InstantMessage.Delivery;
import org.parley.core.model.PresenceInfo;
import org.parley.core.model.PresenceState;

class AlertsViewModelTest {
    private static final String BOB = "sip:bob@parley.test";
    private static final String CAROL = "sip:carol@parley.test";

    private final Port port = new Port();
    private final Set<String> focused = new HashSet<>();
    private boolean fullScreen;
    private final AlertsViewModel vm = new AlertsViewModel(port, focused::contains, () -> fullScreen);

    private static InstantMessage from(String who, String text, Delivery d) {
        return new InstantMessage("1", who, "sip:alice@parley.test", null, "text/plain", text, Instant.now(), d, null, false);
    }

    @Test
    void incomingMessageRaisesAToastWithNameTitleAndFirstLine() {
        Alert a = vm.onMessage(from(BOB, "\nLunch?\nAt noon", Delivery.RECEIVED)).orElseThrow();
        assertThat(a.name()).isEqualTo("Bob Baker");
        assertThat(a.title()).isEqualTo("Engineer");
        assertThat(a.text()).isEqualTo("Lunch?");
        assertThat(a.conversation()).isEqualTo(BOB);
        assertThat(a.mini()).isFalse();
        assertThat(vm.visible()).containsExactly(a);
    }

    @Test
    void noToastForTheConversationInFrontOfTheUser() {
        focused.add(BOB);
        assertThat(vm.onMessage(from(BOB, "hi", Delivery.RECEIVED))).isEmpty();
    }

    @Test
    void doNotDisturbSuppressesAllButTeamContacts() {
        port.own = PresenceInfo.of(PresenceState.DO_NOT_DISTURB);
        port.levels.put(BOB, AccessLevel.COMPANY);
        port.levels.put(CAROL, AccessLevel.TEAM);
        assertThat(vm.onMessage(from(BOB, "hi", Delivery.RECEIVED))).isEmpty();
        assertThat(vm.onMessage(from("sip:stranger@parley.test", "hi", Delivery.RECEIVED))).isEmpty();
        assertThat(vm.onMessage(from(CAROL, "urgent", Delivery.RECEIVED))).isPresent();
    }

    @Test
    void messagesHeldDuringDndRaiseNoToastAfterwards() {
        assertThat(vm.onMessage(from(BOB, "earlier", Delivery.MISSED))).isEmpty();
    }

    @Test
    void inAMeetingOrFullScreenTheAlertIsMini() {
        port.own = PresenceInfo.of(PresenceState.IN_A_MEETING);
        assertThat(vm.onMessage(from(BOB, "a", Delivery.RECEIVED)).orElseThrow().mini()).isTrue();
        port.own = PresenceInfo.of(PresenceState.AVAILABLE);
        fullScreen = true;
        assertThat(vm.onMessage(from(BOB, "b", Delivery.RECEIVED)).orElseThrow().mini()).isTrue();
    }

    @Test
    void taggedContactChangeSaysTheNewState() {
        Alert a = vm.onTaggedContactChanged(BOB, PresenceInfo.of(PresenceState.AVAILABLE)).orElseThrow();
        assertThat(a.kind()).isEqualTo(Alert.Kind.PRESENCE);
        assertThat(a.name() + " " + a.text()).isEqualTo("Bob Baker is now Available");
    }

    @Test
    void taggedAlertsAreSuppressedInDndToo() {
        port.own = PresenceInfo.of(PresenceState.DO_NOT_DISTURB);
        assertThat(vm.onTaggedContactChanged(BOB, PresenceInfo.of(PresenceState.AVAILABLE))).isEmpty();
    }

    @Test
    void aFileOfferAlertsOnceAndOutgoingTransfersNever() {
        FileTransfer offer = new FileTransfer("t1", BOB, "plan.pdf", 2048, "application/pdf", Direction.INCOMING,
                State.OFFERED, 0, null, null);
        assertThat(vm.onTransfer(offer).orElseThrow().text()).isEqualTo("wants to send you plan.pdf (2.0 KB)");
        assertThat(vm.onTransfer(offer)).isEmpty();
        assertThat(vm.onTransfer(new FileTransfer("t2", BOB, "x", 1, "text/plain", Direction.OUTGOING,
                State.OFFERED, 0, Path.of("x"), null))).isEmpty();
    }

    @Test
    void atMostThreeToastsAreVisibleAndTheOldestGoes() {
        for (int i = 1; i <= 4; i++) {
            vm.onMessage(from(BOB, "m" + i, Delivery.RECEIVED));
        }
        assertThat(vm.visible()).extracting(Alert::text).containsExactly("m2", "m3", "m4");
    }

    @Test
    void ownMessagesNeverAlert() {
        assertThat(vm.onMessage(from("sip:alice@parley.test", "me", Delivery.RECEIVED))).isEmpty();
    }

    @Test
    void longFirstLinesAreShortened() {
        String line = AlertsViewModel.firstLine("x".repeat(500));
        assertThat(line).hasSize(AlertsViewModel.MAX_TEXT).endsWith("…");
    }

    private static final class Port implements AlertsPort {
        PresenceInfo own = PresenceInfo.of(PresenceState.AVAILABLE);
        final Map<String, AccessLevel> levels = new HashMap<>();

        @Override
        public String self() {
            return "sip:alice@parley.test";
        }

        @Override
        public PresenceInfo own() {
            return own;
        }

        @Override
        public AccessLevel levelOf(String uri) {
            return levels.get(uri);
        }

        @Override
        public String name(String uri) {
            return uri.equals(BOB) ? "Bob Baker" : "Someone";
        }

        @Override
        public String title(String uri) {
            return "Engineer";
        }

        @Override
        public boolean soundsEnabled() {
            return false;
        }
    }

    @Test
    void aDelegateAnsweringMyCallRaisesCallFromXAnsweredByY() {
        port.own = PresenceInfo.of(PresenceState.DO_NOT_DISTURB);
        Alert a = vm.onAnsweredBy(BOB, CAROL).orElseThrow();
        assertThat(a.kind()).isEqualTo(Alert.Kind.ANSWERED_BY);
        assertThat(a.name() + " " + a.text()).isEqualTo("Call from Bob Baker answered by Someone");
        assertThat(a.conversation()).isEqualTo(CAROL);
        assertThat(vm.visible()).containsExactly(a);
    }
}
