package org.parley.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.interop.SippRunner.Transport;
import org.parley.server.testsupport.FreePorts;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

/** server-lite's registrar driven by SIPp (sip-tester), a SIP implementation nobody on the project wrote. */
@Tag("interop")
class SippRegistrarInteropTest {
    @TempDir
    Path work;

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice");

    @BeforeEach
    void requirePeer() {
        SippRunner.requireSipp();
    }

    private SippRunner sipp(String scenario, String password) {
        return SippRunner.scenario(work, scenario, FreePorts.udpAndTcp())
                .remote("127.0.0.1", parley.server().sipPort())
                .service("alice").auth("alice", password, parley.server().domain())
                .key("domain", parley.server().domain()).key("expires", "600");
    }

    @Test
    void registerWithDigestGets401ThenAuthenticatedRegisterGets200ListingTheContact() {
        SippResult r = sipp("register.xml", TestServer.password("alice")).run();

        assertThat(r.oneCallSucceeded()).as(r.describe()).isTrue();
    }

    @Test
    void registerOverTcpWithDigestGets200ListingTheContact() {
        SippResult r = sipp("register.xml", TestServer.password("alice")).transport(Transport.TCP).run();

        assertThat(r.oneCallSucceeded()).as(r.describe()).isTrue();
        assertThat(r.messages()).as("SIPp really used TCP").contains("TCP message sent");
    }

    @Test
    void registerWithWrongPasswordGets403() {
        SippResult r = sipp("register-wrong-password.xml", "not-" + TestServer.password("alice")).run();

        assertThat(r.oneCallSucceeded()).as(r.describe()).isTrue();
    }

    @Test
    void unregisterOneContactWithExpiresZeroAnswers200ListingNoContacts() {
        SippResult r = sipp("unregister-contact.xml", TestServer.password("alice")).run();

        assertThat(r.oneCallSucceeded()).as(r.describe()).isTrue();
    }

    @Test
    void unregisterAllWithWildcardContactAnswers200ListingNoContacts() {
        SippResult r = sipp("unregister-all.xml", TestServer.password("alice")).run();

        assertThat(r.oneCallSucceeded()).as(r.describe()).isTrue();
    }

    @Test
    void unregisterAllOverTcpAnswers200ListingNoContacts() {
        SippResult r = sipp("unregister-all.xml", TestServer.password("alice")).transport(Transport.TCP).run();

        assertThat(r.oneCallSucceeded()).as(r.describe()).isTrue();
    }
}
