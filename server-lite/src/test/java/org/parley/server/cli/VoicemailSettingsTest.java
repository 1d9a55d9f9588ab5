package org.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.parley.core.error.ParleyException;
import org.parley.server.ServerConfig;

/** The voicemail key of server.properties (docs/configuration.md). */
class VoicemailSettingsTest {
    private static ServerConfig apply(String key, String value) {
        Properties p = new Properties();
        if (key != null) {
            p.setProperty(key, value);
        }
        return ServerSettings.apply(ServerConfig.defaults(Path.of("unused")), p);
    }

    @Test
    void maximumMessageLengthDefaultsToTwoMinutesAndIsSettable() {
        assertThat(apply(null, null).voicemailMaxLength()).isEqualTo(Duration.ofSeconds(120));
        assertThat(apply("voicemail-max-seconds", "30").voicemailMaxLength()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void maximumMessageLengthBelowOneSecondIsRefused() {
        assertThatThrownBy(() -> apply("voicemail-max-seconds", "0")).isInstanceOf(ParleyException.class)
                .hasMessageContaining("voicemail-max-seconds");
    }
}
