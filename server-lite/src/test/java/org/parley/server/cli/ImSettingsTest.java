package org.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.parley.core.error.ParleyException;
import org.parley.server.ServerConfig;

/** The IM keys of server.properties (docs/configuration.md). */
class ImSettingsTest {
    private static ServerConfig apply(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return ServerSettings.apply(ServerConfig.defaults(Path.of("unused")), p);
    }

    @Test
    void defaultsAre16KiB100ParticipantsAnd10Seconds() {
        ServerConfig c = apply();
        assertThat(c.imMaxBytes()).isEqualTo(16384);
        assertThat(c.imSessionMax()).isEqualTo(100);
        assertThat(c.imDeliveryTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void imKeysOverrideTheDefaults() {
        ServerConfig c = apply("im-max-bytes", "4096", "im-session-max", "20", "im-delivery-timeout-seconds", "5");
        assertThat(c.imMaxBytes()).isEqualTo(4096);
        assertThat(c.imSessionMax()).isEqualTo(20);
        assertThat(c.imDeliveryTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void nonsenseValuesNameTheKey() {
        assertThatThrownBy(() -> apply("im-max-bytes", "0")).isInstanceOf(ParleyException.class)
                .hasMessageContaining("'im-max-bytes' must be at least 1");
        assertThatThrownBy(() -> apply("im-session-max", "1")).isInstanceOf(ParleyException.class)
                .hasMessageContaining("'im-session-max' must be at least 2");
        assertThatThrownBy(() -> apply("im-delivery-timeout-seconds", "soon")).isInstanceOf(ParleyException.class)
                .hasMessageContaining("'im-delivery-timeout-seconds' must be a whole number");
    }
}
