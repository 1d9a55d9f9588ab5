package org.parley.client.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.CallOptions;
import java.util.concurrent.CompletableFuture;
import org.parley.client.testing.FakeClient;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.State;

class DialPadViewModelTest {
    private final FakeClient client = new FakeClient();
    private final List<Call> placed = new ArrayList<>();
    private final DialPadViewModel vm = new DialPadViewModel(client.telephony(), placed::add);

    @Test
    void keysBuildTheNumberAndCallPlacesItWithoutPunctuation() {
        vm.targetProperty().set("+1 (555) 01-");
        vm.press('2');
        vm.press('3');
        vm.press('x');
        vm.backspace();
        vm.press('9');
        assertThat(vm.targetProperty().get()).isEqualTo("+1 (555) 01-29");
        assertThat(vm.call()).isTrue();
        assertThat(client.calls).contains("call +15550129 CallOptions[subject=null, highPriority=false]");
        assertThat(placed).singleElement().satisfies(c -> assertThat(c.state()).isEqualTo(State.DIALING));
    }

    @Test
    void aUserIsCalledAsTypedWithSubjectAndPriority() {
        vm.targetProperty().set(" bob ");
        vm.subjectProperty().set("Release");
        vm.highPriorityProperty().set(true);
        assertThat(vm.call()).isTrue();
        assertThat(client.calls).contains("call bob CallOptions[subject=Release, highPriority=true]");
        assertThat(placed.get(0).subject()).isEqualTo("Release");
        assertThat(placed.get(0).highPriority()).isTrue();
    }

    @Test
    void nothingTypedCannotBeCalled() {
        assertThat(vm.canCallProperty().get()).isFalse();
        vm.targetProperty().set("   ");
        assertThat(vm.canCallProperty().get()).isFalse();
        assertThat(vm.call()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Type a number or a user to call.");
        assertThat(client.calls).noneMatch(s -> s.startsWith("call"));
        vm.press('7');
        assertThat(vm.canCallProperty().get()).isTrue();
    }

    @Test
    void keypadSymbolsStayInADialledNumber() {
        assertThat(DialPadViewModel.dialled("*72 555")).isEqualTo("*72555");
        assertThat(DialPadViewModel.dialled("sip:bob@x.test")).isEqualTo("sip:bob@x.test");
    }

    private static final String MIA = "sip:mia@parley.test";

    private DialPadViewModel delegateVm(List<Object[]> onBehalf) {
        client.answers.put("DelegationService.managers", a -> CompletableFuture.completedFuture(List.of(MIA)));
        client.answers.put("DelegationService.callOnBehalfOf", a -> {
            onBehalf.add(a);
            return FakeClient.call("d1", (String) a[1], Direction.OUTGOING, State.DIALING);
        });
        return new DialPadViewModel(client.telephony(), client.delegation(), placed::add, Runnable::run);
    }

    @Test
    void aDelegateCallsOnBehalfOfAManagerShownAsCaller() {
        List<Object[]> onBehalf = new ArrayList<>();
        DialPadViewModel d = delegateVm(onBehalf);
        assertThat(d.managers()).containsExactly(MIA);
        d.targetProperty().set("carol");
        d.onBehalfOfProperty().set(MIA);
        d.asManagerProperty().set(true);
        assertThat(d.call()).isTrue();
        assertThat(onBehalf).singleElement().satisfies(a -> {
            assertThat(a[0]).isEqualTo(MIA);
            assertThat(a[1]).isEqualTo("carol");
            assertThat(a[2]).isEqualTo(true);
            assertThat(a[3]).isEqualTo(new CallOptions("", false));
        });
        assertThat(placed).singleElement().satisfies(c -> assertThat(c.id()).isEqualTo("d1"));
        assertThat(client.calls).noneMatch(s -> s.startsWith("call "));
    }

    @Test
    void withoutAManagerChosenTheDelegateCallsAsThemselves() {
        List<Object[]> onBehalf = new ArrayList<>();
        DialPadViewModel d = delegateVm(onBehalf);
        d.targetProperty().set("carol");
        assertThat(d.call()).isTrue();
        assertThat(onBehalf).isEmpty();
        assertThat(client.calls).anyMatch(s -> s.startsWith("call carol"));
    }

    @Test
    void aManagerIAmNotADelegateOfIsRefusedBeforeCalling() {
        List<Object[]> onBehalf = new ArrayList<>();
        DialPadViewModel d = delegateVm(onBehalf);
        d.targetProperty().set("carol");
        d.onBehalfOfProperty().set("sip:other@parley.test");
        assertThat(d.call()).isFalse();
        assertThat(d.errorProperty().get()).isEqualTo("You are not a delegate of sip:other@parley.test.");
        assertThat(onBehalf).isEmpty();
    }

    @Test
    void aRefusedOnBehalfCallShowsTheServersReason() {
        client.answers.put("DelegationService.managers", a -> CompletableFuture.completedFuture(List.of(MIA)));
        client.answers.put("DelegationService.callOnBehalfOf", a -> {
            throw new IllegalStateException("403 not a delegate");
        });
        DialPadViewModel d = new DialPadViewModel(client.telephony(), client.delegation(), placed::add, Runnable::run);
        d.targetProperty().set("carol");
        d.onBehalfOfProperty().set(MIA);
        assertThat(d.call()).isFalse();
        assertThat(d.errorProperty().get()).isEqualTo("Cannot call carol: 403 not a delegate");
        assertThat(placed).isEmpty();
    }
}
