package org.parley.client.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.model.InstantMessage;
import org.parley.core.model.InstantMessage.Delivery;

class ConversationViewModelTest {
    private static final String BOB = "sip:bob@parley.test";
    private static final String CAROL = "sip:carol@parley.test";
    private static final String SESSION = "sip:chat~7@parley.test";

    private final FakePort port = new FakePort();
    private final FakePort.ManualScheduler timers = new FakePort.ManualScheduler();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);

    private ConversationViewModel with(String key) {
        return new ConversationViewModel(key, port, timers, clock);
    }

    @Test
    void sentMessageShowsSendingThenDelivered() {
        ConversationViewModel vm = with(BOB);
        MessageItem item = vm.send("text/plain", "hello");
        assertThat(item.delivery()).isEqualTo(Delivery.PENDING);
        assertThat(vm.items()).containsExactly(item);
        assertThat(port.sent.get(0).to()).isEqualTo(BOB);

        port.sent.get(0).answer().complete(Messages.delivered(Messages.received(port.self(), "hello"),
                Delivery.DELIVERED));
        assertThat(item.delivery()).isEqualTo(Delivery.DELIVERED);
    }

    @Test
    void messageToSomeoneOfflineIsStoredForLater() {
        ConversationViewModel vm = with(BOB);
        MessageItem item = vm.send("text/plain", "call me");
        port.sent.get(0).answer().complete(Messages.delivered(Messages.received(port.self(), "call me"),
                Delivery.STORED));
        assertThat(item.delivery()).isEqualTo(Delivery.STORED);
    }

    @Test
    void failedMessageKeepsTheReasonAndCanBeRetried() {
        ConversationViewModel vm = with(BOB);
        MessageItem item = vm.send("text/plain", "are you there");
        port.sent.get(0).answer().completeExceptionally(new ParleyException(ErrorCode.NOT_FOUND, "no such user"));
        assertThat(item.delivery()).isEqualTo(Delivery.FAILED);
        assertThat(item.error()).contains("no such user");

        vm.retry(item);
        assertThat(item.delivery()).isEqualTo(Delivery.PENDING);
        assertThat(item.error()).isNull();
        assertThat(port.sent).hasSize(2);
        assertThat(port.sent.get(1).text()).isEqualTo("are you there");
    }

    @Test
    void blankMessageIsNotSent() {
        ConversationViewModel vm = with(BOB);
        assertThat(vm.send("text/plain", "  \n ")).isNull();
        assertThat(port.sent).isEmpty();
    }

    @Test
    void subjectAndHighPriorityGoWithTheMessageAndPriorityResets() {
        ConversationViewModel vm = with(BOB);
        vm.subjectProperty().set("Budget");
        vm.highPriorityProperty().set(true);
        MessageItem item = vm.send("text/html", "<b>now</b>");
        assertThat(port.sent.get(0).options().subject()).isEqualTo("Budget");
        assertThat(port.sent.get(0).options().highPriority()).isTrue();
        assertThat(port.sent.get(0).type()).isEqualTo("text/html");
        assertThat(item.subject()).isEqualTo("Budget");
        assertThat(item.highPriority()).isTrue();
        assertThat(vm.highPriorityProperty().get()).isFalse();
    }

    @Test
    void incomingSubjectAndPriorityAreShownAndCountAsUnreadWhenNotActive() {
        ConversationViewModel vm = with(BOB);
        vm.onMessage(Messages.withSubject(Messages.received(BOB, "fire drill"), "Safety", true));
        MessageItem item = (MessageItem) vm.items().get(0);
        assertThat(item.subject()).isEqualTo("Safety");
        assertThat(item.highPriority()).isTrue();
        assertThat(item.senderName()).isEqualTo("Bob Baker");
        assertThat(vm.unreadProperty().get()).isEqualTo(1);
        vm.activeProperty().set(true);
        assertThat(vm.unreadProperty().get()).isZero();
    }

    @Test
    void offlineAndMissedMessagesAreMarkedLate() {
        ConversationViewModel vm = with(BOB);
        vm.onMessage(Messages.delivered(Messages.received(BOB, "while you were out"), Delivery.RECEIVED_OFFLINE));
        vm.onMessage(Messages.delivered(Messages.received(BOB, "during dnd"), Delivery.MISSED));
        vm.onMessage(Messages.received(BOB, "live"));
        assertThat(vm.items()).extracting(i -> ((MessageItem) i).late()).containsExactly(true, true, false);
    }

    @Test
    void typingIndicatorShowsNamesAndExpires() {
        ConversationViewModel vm = with(SESSION);
        vm.onTyping(BOB, true);
        assertThat(vm.typingProperty().get()).isEqualTo("Bob Baker is typing…");
        vm.onTyping(CAROL, true);
        assertThat(vm.typingProperty().get()).isEqualTo("Bob Baker and Carol Cole are typing…");
        vm.onTyping(CAROL, false);
        assertThat(vm.typingProperty().get()).isEqualTo("Bob Baker is typing…");
        timers.advance(ConversationViewModel.TYPING_SHOWN.plusSeconds(1));
        assertThat(vm.typingProperty().get()).isEmpty();
    }

    @Test
    void aMessageFromTheTypistEndsTheirTypingIndicator() {
        ConversationViewModel vm = with(BOB);
        vm.onTyping(BOB, true);
        vm.onMessage(Messages.received(BOB, "done"));
        assertThat(vm.typingProperty().get()).isEmpty();
    }

    @Test
    void composingSendsTypingThenIdleAfterAPause() {
        ConversationViewModel vm = with(BOB);
        vm.composeChanged(true);
        assertThat(port.typing).containsExactly(BOB + " active");
        timers.advance(ConversationViewModel.TYPING_IDLE.plus(Duration.ofMillis(1)));
        assertThat(port.typing).containsExactly(BOB + " active", BOB + " idle");
    }

    @Test
    void sendingEndsTheTypingState() {
        ConversationViewModel vm = with(BOB);
        vm.composeChanged(true);
        vm.send("text/plain", "x");
        assertThat(port.typing).containsExactly(BOB + " active", BOB + " idle");
    }

    @Test
    void multipartyRosterFollowsSessionEventsWithNotices() {
        ConversationViewModel vm = with(SESSION);
        vm.onSessionEvent("joined", BOB, List.of(port.self(), BOB));
        vm.onSessionEvent("joined", CAROL, List.of(port.self(), BOB, CAROL));
        vm.onSessionEvent("left", BOB, List.of(port.self(), CAROL));
        assertThat(vm.roster()).containsExactly(port.self(), CAROL);
        assertThat(vm.items()).extracting(i -> ((ChatItem.Notice) i).text()).containsExactly(
                "Bob Baker joined the conversation", "Carol Cole joined the conversation",
                "Bob Baker left the conversation");
        assertThat(vm.titleProperty().get()).isEqualTo("Group conversation (2)");
        vm.setSessionSubject("Launch");
        assertThat(vm.titleProperty().get()).isEqualTo("Launch");
    }

    @Test
    void ownMessageEchoedBySessionIsShownOnce() {
        ConversationViewModel vm = with(SESSION);
        vm.send("text/plain", "hi all");
        vm.onMessage(Messages.inSession(SESSION, port.self(), "hi all"));
        vm.onMessage(Messages.inSession(SESSION, BOB, "hi"));
        assertThat(vm.items()).hasSize(2);
    }

    @Test
    void historyIsShownOnceBeforeNewMessages() {
        port.history.add(Messages.received(BOB, "yesterday"));
        ConversationViewModel vm = with(BOB);
        vm.onMessage(Messages.received(BOB, "today"));
        vm.loadHistory();
        vm.loadHistory();
        assertThat(vm.items()).extracting(i -> ((MessageItem) i).text()).containsExactly("yesterday", "today");
    }

    @Test
    void theMessageThatOpensAConversationIsShownOnceThoughItIsAlreadyInTheHistory() {
        InstantMessage first = Messages.received(BOB, "are you there?");
        port.history.add(first); // the client stores an incoming message before it tells the listeners
        ConversationViewModel vm = with(BOB);
        vm.loadHistory();
        vm.onMessage(first);
        assertThat(vm.items()).extracting(i -> ((MessageItem) i).text()).containsExactly("are you there?");

        InstantMessage second = Messages.received(BOB, "hello?");
        vm.onMessage(second);
        vm.onMessage(second);
        assertThat(vm.items()).hasSize(2);
    }

    @Test
    void consecutiveMessagesOfOneSenderFormOneGroup() {
        ConversationViewModel vm = with(BOB);
        vm.onMessage(Messages.received(BOB, "one"));
        vm.onMessage(Messages.received(BOB, "two"));
        vm.send("text/plain", "three");
        assertThat(vm.startsGroup(0)).isTrue();
        assertThat(vm.startsGroup(1)).isFalse();
        assertThat(vm.startsGroup(2)).isTrue();
    }

    @Test
    void refusalsNameTheServersAnswer() {
        assertThat(ConversationViewModel.reason(new ParleyException(ErrorCode.REFUSED,
                "message to sip:bob@parley.test not delivered: 413 Request Entity Too Large")))
                .isEqualTo("refused by the server (413 Request Entity Too Large)");
        assertThat(ConversationViewModel.reason(new java.util.concurrent.CompletionException(
                new ParleyException(ErrorCode.TIMEOUT, "x")))).isEqualTo("no answer in time");
    }
}
