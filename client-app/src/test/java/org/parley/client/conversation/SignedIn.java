package org.parley.client.conversation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.parley.client.shell.Navigator;
import org.parley.client.shell.Session;
import org.parley.core.client.ClientConfig;
import org.parley.core.client.UcClient;
import org.parley.core.client.sip.SipUcClient;
import org.parley.server.ParleyServer;
import org.parley.server.testsupport.TestServer;

/** Signs users of a test server in (TCP on loopback), for screen tests. */
public final class SignedIn {
    private SignedIn() {
    }

    public static Session session(ParleyServer server, String user, Executor events) throws Exception {
        Path data = Files.createTempDirectory("parley-client-" + user + "-");
        ClientConfig cfg = ClientConfig.of("127.0.0.1", server.sipPort(), ClientConfig.Transport.TCP, user,
                TestServer.DOMAIN, data);
        UcClient client = SipUcClient.create(cfg, events);
        client.signIn(TestServer.password(user).toCharArray()).get(20, TimeUnit.SECONDS);
        return new Session(client, cfg);
    }

    /** A navigator that only remembers what was asked of it. */
    public static final class RecordingNavigator implements Navigator {
        public final List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void openConversation(String peerOrSession) {
            opened.add(peerOrSession);
        }

        @Override
        public void startConversation(List<String> participants, String subject) {
            opened.add(String.join(",", participants));
        }

        @Override
        public void showContactCard(String uri) {
        }

        @Override
        public void showHistory(String participant) {
        }

        @Override
        public void showOptions() {
        }

        @Override
        public void signOut() {
        }
    }
}
