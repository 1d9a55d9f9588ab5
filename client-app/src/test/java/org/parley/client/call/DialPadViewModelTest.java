package org.parley.client.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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
}
