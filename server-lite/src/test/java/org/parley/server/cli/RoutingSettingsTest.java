package org.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.parley.core.error.ParleyException;
import org.parley.server.ServerConfig;

/** The call-routing key of server.properties (docs/configuration.md). */
class RoutingSettingsTest {
    private static ServerConfig apply(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return ServerSettings.apply(ServerConfig.defaults(Path.of("unused")), p);
    }

    @Test
    void thereIsNoNumberGatewayByDefault() {
        assertThat(apply().gateway()).isNull();
        assertThat(apply("call-gateway", "  ").gateway()).isNull();
    }

    @Test
    void callGatewayTakesASipUri() {
        assertThat(apply("call-gateway", " sip:gw.example.com:5080;transport=tcp ").gateway())
                .isEqualTo("sip:gw.example.com:5080;transport=tcp");
    }

    @Test
    void aGatewayThatIsNotASipUriNamesTheKey() {
        assertThatThrownBy(() -> apply("call-gateway", "gw.example.com:5080")).isInstanceOf(ParleyException.class)
                .hasMessageContaining("'call-gateway'").hasMessageContaining("SIP URI");
    }
}
