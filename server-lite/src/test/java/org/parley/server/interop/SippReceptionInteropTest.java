package org.parley.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.reception.ReceptionStore;
import org.parley.server.store.Database;
import org.parley.server.store.SqliteDialect;
import org.parley.server.testsupport.FreePorts;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

/**
 * A standard phone (SIPp, uac-reception-rtp.xml) calls the reception line twice with a plain RTP/AVP PCMU offer:
 * the line answers with plain RTP PCMU, queues it, and counts the second call as a repeat.
 */
@Tag("interop")
class SippReceptionInteropTest {
    @TempDir
    Path work;

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");

    @BeforeEach
    void requirePeer() {
        SippRunner.requireSipp();
    }

    @Test
    void sippPhoneWithPlainRtpPcmuIsQueuedAndItsSecondCallIsARepeat() throws Exception {
        byte[] audio = ToneFile.ulawSine(600, 1);
        Files.write(work.resolve("vm-tone.ulaw"), audio);
        for (int call = 1; call <= 2; call++) {
            SippResult phone = SippRunner.scenario(work, "uac-reception-rtp.xml", FreePorts.udpAndTcp())
                    .remote("127.0.0.1", parley.server().sipPort())
                    .key("caller", "alice").key("domain", TestServer.DOMAIN).key("line", "reception")
                    .run();
            assertThat(phone.oneCallSucceeded()).as("call " + call + " of the SIPp phone\n" + phone.describe()).isTrue();
            assertThat(phone.messages()).as("the line answers the plain RTP offer with plain RTP PCMU")
                    .contains("RTP/AVP 0").doesNotContain("a=crypto");
        }
        try (Database db = Database.open(parley.dataDir(), new SqliteDialect())) {
            assertThat(new ReceptionStore(db).repeats("sip:alice@" + TestServer.DOMAIN)).containsExactly(1, 2);
        }
    }
}
