package org.parley.attendant.consult;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.parley.core.model.InstantMessage;
import org.parley.core.model.InstantMessage.Delivery;
import org.parley.core.client.MessageOptions;
import org.parley.core.client.MessagingService;

class ImConsultViewModelTest {
    private final List<String[]> sent = new ArrayList<>();
    private final List<String> actions = new ArrayList<>();
    private MessagingService.MessageListener listener;
    private Delivery delivery = Delivery.DELIVERED;

    private final MessagingService messaging = new MessagingService() {
        @Override
        public CompletableFuture<InstantMessage> send(String to, String type, String text, MessageOptions o) {
            sent.add(new String[]{to, text});
            return CompletableFuture.completedFuture(new InstantMessage("m" + sent.size(), "sip:frontdesk@parley.test",
                    to, null, type, text, Instant.EPOCH, delivery, null, false));
        }

        @Override
        public void typing(String to, boolean active) {
        }

        @Override
        public CompletableFuture<String> createSession(List<String> participants, String subject) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Void> invite(String session, String uri) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Void> leave(String session) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void addListener(MessageListener l) {
            listener = l;
        }
    };

    private final ImConsultViewModel vm = new ImConsultViewModel(messaging, new ImConsultViewModel.Calls() {
        @Override
        public CompletableFuture<Void> hold(String callId) {
            actions.add("hold " + callId);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> transfer(String callId, String target) {
            actions.add("transfer " + callId + " " + target);
            return CompletableFuture.completedFuture(null);
        }
    }, uri -> uri.equals("sip:dave@parley.test") ? "Dave Test" : uri, "parley.test");

    private void receive(String from, String session, String text) {
        listener.onMessage(new InstantMessage("r", from, "sip:frontdesk@parley.test", session, "text/plain", text,
                Instant.EPOCH, Delivery.RECEIVED, null, false));
    }

    @Test
    void startHoldsTheCallAndAsksTheTargetByIm() {
        assertThat(vm.start("call-1", "Alice Test", "dave")).isTrue();
        assertThat(actions).containsExactly("hold call-1");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)[0]).isEqualTo("sip:dave@parley.test");
        assertThat(sent.get(0)[1]).isEqualTo("Alice Test is on the line for you — take it?");
        assertThat(vm.activeProperty().get()).isTrue();
        assertThat(vm.titleProperty().get()).isEqualTo("IM consult with Dave Test about Alice Test");
        assertThat(vm.statusProperty().get()).startsWith("Asked Dave Test");
    }

    @Test
    void repliesFromTheTargetShowOthersDoNot() {
        vm.start("call-1", "+15551234", "sip:Dave@parley.test;transport=tcp");
        receive("sip:dave@parley.test", null, "Yes, put them through");
        receive("sip:erin@parley.test", null, "unrelated");
        receive("sip:dave@parley.test", "sip:chat-1@parley.test", "in a group chat");
        assertThat(vm.lines()).containsExactly("You: +15551234 is on the line for you — take it?",
                "Dave Test: Yes, put them through");
        assertThat(vm.statusProperty().get()).isEqualTo("Dave Test replied");
    }

    @Test
    void completeBlindTransfersTheCallToTheTarget() {
        vm.start("call-1", "Alice Test", "dave@parley.test");
        vm.complete();
        assertThat(actions).containsExactly("hold call-1", "transfer call-1 sip:dave@parley.test");
        assertThat(vm.activeProperty().get()).isFalse();
        assertThat(vm.lines()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("Transferred to Dave Test");
        receive("sip:dave@parley.test", null, "late reply");
        assertThat(vm.lines()).isEmpty();
    }

    @Test
    void cancelLeavesTheCallHeldWithTheAttendant() {
        vm.start("call-1", "Alice Test", "dave");
        vm.cancel();
        assertThat(actions).containsExactly("hold call-1");
        assertThat(vm.activeProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).contains("cancelled").contains("stays on hold");
        assertThat(sent).as("the person asked is told it is off").hasSize(2);
        assertThat(sent.get(1)).containsExactly("sip:dave@parley.test", ImConsultViewModel.CANCELLED_TEXT);
        vm.cancel();
        assertThat(sent).as("nothing to cancel the second time").hasSize(2);
    }

    @Test
    void oneConsultationAtATimeAndATargetIsNeeded() {
        assertThat(vm.start("call-1", "Alice", " ")).isFalse();
        assertThat(vm.start("call-1", "Alice", "dave")).isTrue();
        assertThat(vm.start("call-2", "Bob", "erin")).isFalse();
        assertThat(vm.statusProperty().get()).contains("Finish the IM consultation with Dave Test");
        assertThat(sent).hasSize(1);
    }

    @Test
    void anOfflineTargetIsReported() {
        delivery = Delivery.STORED;
        vm.start("call-1", "Alice", "dave");
        assertThat(vm.statusProperty().get()).isEqualTo("Dave Test is not signed in: the IM waits on the server");
    }
}
