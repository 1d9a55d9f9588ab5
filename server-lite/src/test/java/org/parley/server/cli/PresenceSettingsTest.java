package org.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.server.ServerConfig;

class PresenceSettingsTest {
    @Test
    void presenceCustomStatesKeyIsReadFromServerProperties() {
        Properties p = new Properties();
        p.setProperty("presence-custom-states", "Working from home=available;Out to lunch=away");
        ServerConfig c = ServerSettings.apply(ServerConfig.defaults(Path.of("d")), p);
        assertThat(c.customStates()).isEqualTo("Working from home=available;Out to lunch=away");
    }

    @Test
    void malformedCustomStatesStopTheServerWithAConfigurationError() {
        Properties p = new Properties();
        p.setProperty("presence-custom-states", "Lunch=hungry");
        assertThatThrownBy(() -> ServerSettings.apply(ServerConfig.defaults(Path.of("d")), p))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
                .hasMessageContaining("presence-custom-states");
    }
}
