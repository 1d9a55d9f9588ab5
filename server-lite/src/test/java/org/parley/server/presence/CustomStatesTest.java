package org.parley.server.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.core.error.ParleyException;
import org.parley.core.model.Availability;
import org.parley.server.ServerConfig;

class CustomStatesTest {
    @Test
    void parsesLabelsWithTheirAvailability() {
        assertThat(CustomStates.parse("Working from home=available; Out to lunch=away;")).containsExactly(
                new CustomStates.CustomState("Working from home", Availability.AVAILABLE),
                new CustomStates.CustomState("Out to lunch", Availability.AWAY));
    }

    @Test
    void blankMeansNone() {
        assertThat(CustomStates.parse("")).isEmpty();
        assertThat(CustomStates.parse(null)).isEmpty();
        assertThat(ServerConfig.defaults(Path.of("x")).customStates()).isEmpty();
    }

    @Test
    void badEntriesAreConfigurationErrorsNamingTheEntry() {
        assertThatThrownBy(() -> CustomStates.parse("Lunch=hungry")).isInstanceOf(ParleyException.class).hasMessageContaining("Lunch=hungry");
        assertThatThrownBy(() -> CustomStates.parse("=away")).isInstanceOf(ParleyException.class);
        assertThatThrownBy(() -> CustomStates.parse("Lunch")).isInstanceOf(ParleyException.class);
        assertThatThrownBy(() -> CustomStates.parse("Gone=offline")).isInstanceOf(ParleyException.class);
        assertThatThrownBy(() -> CustomStates.parse("A=away;a=busy")).isInstanceOf(ParleyException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> ServerConfig.defaults(Path.of("x")).withCustomStates("X=nope")).isInstanceOf(ParleyException.class);
    }

    @Test
    void serviceOpListsTheStates() {
        CustomStatesOp op = new CustomStatesOp(CustomStates.parse("Working from home=available;Out to lunch=away"));
        assertThat(op.name()).isEqualTo("presence.customStates");
        assertThat(op.handle("alice", JsonNodeFactory.instance.objectNode()).toString()).isEqualTo(
                "{\"states\":[{\"label\":\"Working from home\",\"availability\":\"available\"},"
                        + "{\"label\":\"Out to lunch\",\"availability\":\"away\"}]}");
        assertThat(new CustomStatesOp(List.of()).handle("alice", null).toString()).isEqualTo("{\"states\":[]}");
    }
}
