package org.parley.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.parley.core.client.ClientConfig.Transport;

class AccountFormTest {

    @Test
    void aCompleteFormDescribesTheAccountWithTheDomainAndTheTransportsDefaultPort() {
        AccountForm f = new AccountForm(" sip:Carol@Example.COM ", "", "", Transport.TLS);
        assertThat(f.problem("x@y")).isEmpty();
        ClientConfig c = f.config((user, domain) -> Path.of("/data", user + "@" + domain));
        assertThat(c.username()).isEqualTo("carol");
        assertThat(c.domain()).isEqualTo("example.com");
        assertThat(c.serverHost()).isEqualTo("example.com");
        assertThat(c.serverPort()).isEqualTo(Transport.TLS.defaultPort());
        assertThat(c.dataDir()).isEqualTo(Path.of("/data", "carol@example.com"));
    }

    @Test
    void eachWrongPartIsNamed() {
        assertThat(new AccountForm("", "", "", Transport.TLS).problem("a@b")).contains("Enter your sign-in address");
        assertThat(new AccountForm("carol", "", "", Transport.TLS).problem("a@b.c")).contains("e.g. a@b.c");
        assertThat(new AccountForm("carol@example.com", "pbx:5061", "", Transport.TLS).problem("a@b"))
                .contains("without spaces or a port");
        assertThat(new AccountForm("carol@example.com", "", "70000", Transport.TCP).problem("a@b")).contains("1 to 65535");
        assertThat(new AccountForm("carol@example.com", "", "", null).problem("a@b")).contains("Choose a transport");
    }

    @Test
    void aServerAndPortGivenAreUsed() {
        ClientConfig c = new AccountForm("carol@example.com", "10.0.0.5", "5070", Transport.UDP)
                .config((user, domain) -> Path.of("/d"));
        assertThat(c.serverHost()).isEqualTo("10.0.0.5");
        assertThat(c.serverPort()).isEqualTo(5070);
    }

    @Test
    void addressesWithTwoAtSignsOrNoUserAreRefused() {
        assertThat(AccountForm.parseAddress("a@b@c")).isNull();
        assertThat(AccountForm.parseAddress("@example.com")).isNull();
        assertThat(AccountForm.parseAddress("frontdesk+1@example.com")).containsExactly("frontdesk+1", "example.com");
    }
}
