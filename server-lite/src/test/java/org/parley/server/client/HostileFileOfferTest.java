package org.parley.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.FileTransferService.FileTransfer;
import org.parley.core.client.FileTransferService.State;
import org.parley.core.msrp.MsrpFileSender;
import org.parley.core.msrp.MsrpUri;
import org.parley.core.msrp.TlsIdentity;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.SipTestClient;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

/**
 * The receiving client faced with offers an honest Parley client never makes: a raw SIP client (authenticated as
 * alice) sends the INVITE with a hand-written RFC 5547 offer, then pushes the bytes over MSRP/TLS itself.
 */
class HostileFileOfferTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");
    @RegisterExtension
    final Clients clients = new Clients();

    @TempDir
    Path tmp;

    private final TlsIdentity mallory = TlsIdentity.generate("alice@parley.test");

    private static String sha1(byte[] data) throws Exception {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
    }

    /** Offers {@code content} as {@code name} with {@code hash}; bob accepts into {@code in}; returns bob's end state. */
    private FileTransfer offer(String name, byte[] content, String hash, Path in) throws Exception {
        return offer(name, content, hash, in, mallory);
    }

    /** As above, but the MSRP connection presents {@code presents}' certificate (the SDP names mallory's). */
    private FileTransfer offer(String name, byte[] content, String hash, Path in, TlsIdentity presents) throws Exception {
        var bob = clients.signedIn(parley.server(), Transport.UDP, "bob");
        List<FileTransfer> events = new CopyOnWriteArrayList<>();
        bob.files().addListener(events::add);
        Path file = Files.write(tmp.resolve("payload"), content);
        try (SipTestClient raw = new SipTestClient(SipTestClient.Transport.UDP, "127.0.0.1", parley.server().sipPort(),
                "alice", TestServer.DOMAIN)) {
            String callId = UUID.randomUUID() + "@127.0.0.1";
            String tag = SipTestClient.newTag();
            String target = "sip:bob@" + TestServer.DOMAIN;
            String sdp = "v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\n"
                    + "m=message 9 TCP/TLS/MSRP *\na=sendonly\na=accept-types:*\n"
                    + "a=path:msrps://127.0.0.1:9/evil1;tcp\na=setup:active\na=fingerprint:" + mallory.fingerprint() + "\n"
                    + "a=file-selector:name:\"" + name + "\" type:application/octet-stream size:" + content.length
                    + " hash:sha-1:" + hash + "\na=file-transfer-id:x1\n";
            sendInvite(raw, target, callId, tag, sdp);
            ReconnectTest.waitFor(() -> !events.isEmpty(), 5000);
            FileTransfer offered = events.get(0);
            if (offered.state() == State.OFFERED) {
                bob.files().accept(offered.id(), in);
            }
            SipMessage ok = finalAnswer(raw, 10);
            assertThat(ok.status()).isEqualTo(200);
            String path = ok.body().lines().filter(l -> l.startsWith("a=path:")).findFirst().orElseThrow().substring(7).trim();
            String fingerprint = ok.body().lines().filter(l -> l.startsWith("a=fingerprint:")).findFirst().orElseThrow()
                    .substring(14).trim();
            MsrpFileSender sender = new MsrpFileSender(MsrpUri.parse("msrps://127.0.0.1:9/evil1;tcp"), MsrpUri.parse(path),
                    file, content.length, "application/octet-stream", 65536, presents.context(fingerprint), 5000,
                    new MsrpFileSender.Events() {
                        @Override
                        public void progress(long confirmed) {
                        }

                        @Override
                        public void delivered() {
                        }

                        @Override
                        public void refused(int status, String reason) {
                        }

                        @Override
                        public void failed(String why) {
                        }
                    });
            sender.start();
            ReconnectTest.waitFor(() -> events.get(events.size() - 1).state().isFinal(), 10_000);
            sender.close();
            return events.get(events.size() - 1);
        }
    }

    /** INVITE as alice: the 407 is ACKed and the INVITE sent again with credentials. */
    private static void sendInvite(SipTestClient raw, String target, String callId, String tag, String sdp) throws Exception {
        java.util.function.BiFunction<Integer, String, String> invite = (cseq, extra) -> "INVITE " + target + " SIP/2.0\n"
                + "Via: " + raw.via(SipTestClient.newBranch()) + "\n"
                + "Max-Forwards: 70\nFrom: <sip:alice@" + TestServer.DOMAIN + ">;tag=" + tag + "\n"
                + "To: <" + target + ">\nCall-ID: " + callId + "\nCSeq: " + cseq + " INVITE\n"
                + "Contact: <" + raw.contact() + ">\nContent-Type: application/sdp\n" + extra + "\n" + sdp;
        int first = raw.nextCseq();
        String request = invite.apply(first, "");
        raw.send(request);
        SipMessage challenge = raw.expect(m -> m.isResponse() && m.status() == 407, java.time.Duration.ofSeconds(5));
        assertThat(challenge).as("407 to the first INVITE").isNotNull();
        String via = request.lines().filter(l -> l.startsWith("Via: ")).findFirst().orElseThrow();
        raw.send("ACK " + target + " SIP/2.0\n" + via + "\nMax-Forwards: 70\n"
                + "From: <sip:alice@" + TestServer.DOMAIN + ">;tag=" + tag + "\n"
                + "To: <" + target + ">;tag=" + challenge.tag("to") + "\nCall-ID: " + callId + "\nCSeq: " + first
                + " ACK\n\n");
        String auth = SipTestClient.authorization(challenge.headers("proxy-authenticate").get(0), "alice",
                TestServer.password("alice"), "INVITE", target);
        raw.send(invite.apply(raw.nextCseq(), "Proxy-Authorization: " + auth + "\n"));
    }

    /** The final answer to the authenticated INVITE (provisional responses and repeated 407s skipped). */
    private static SipMessage finalAnswer(SipTestClient raw, int seconds) throws Exception {
        SipMessage m = raw.expect(r -> r.isResponse() && r.status() >= 200 && r.status() != 407
                && r.header("cseq") != null && r.header("cseq").endsWith("INVITE"), java.time.Duration.ofSeconds(seconds));
        assertThat(m).as("final answer to the INVITE").isNotNull();
        return m;
    }

    private static List<Path> filesIn(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void anOfferedNameWithAPathIsSavedUnderItsLastPartInsideTheChosenDirectory() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("inbox"));
        byte[] content = "root:x:0:0:root:/root:/bin/bash\n".getBytes(StandardCharsets.UTF_8);

        FileTransfer got = offer("../../etc/passwd", content, sha1(content), in);

        assertThat(got.state()).as("%s", got.error()).isEqualTo(State.COMPLETED);
        assertThat(got.fileName()).isEqualTo("passwd");
        assertThat(got.path()).isEqualTo(in.resolve("passwd"));
        assertThat(Files.readAllBytes(in.resolve("passwd"))).isEqualTo(content);
        assertThat(filesIn(in)).containsExactly(in.resolve("passwd"));
        assertThat(tmp.resolve("etc")).doesNotExist();
    }

    @Test
    void contentThatDoesNotMatchTheOfferedHashFailsAndIsDeleted() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("inbox"));
        byte[] content = new byte[200_000];
        new java.util.Random(3).nextBytes(content);
        byte[] other = content.clone();
        other[0] ^= 1;

        FileTransfer got = offer("contract.pdf", content, sha1(other), in);

        assertThat(got.state()).isEqualTo(State.FAILED);
        assertThat(got.error().getMessage()).contains("SHA-1");
        assertThat(filesIn(in)).isEmpty();
    }

    @Test
    void aSenderWhoseCertificateIsNotTheOneInItsOfferFailsAndLeavesNoFile() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("inbox"));
        byte[] content = "signed contract".getBytes(StandardCharsets.UTF_8);

        FileTransfer got = offer("contract.txt", content, sha1(content), in, TlsIdentity.generate("someone-else"));

        assertThat(got.state()).isEqualTo(State.FAILED);
        assertThat(got.error().getMessage()).contains("does not match the fingerprint");
        assertThat(filesIn(in)).isEmpty();
    }

    @Test
    void anOfferWithoutAMessageStreamIsAnswered488() throws Exception {
        var bob = clients.signedIn(parley.server(), Transport.UDP, "bob");
        List<FileTransfer> events = new CopyOnWriteArrayList<>();
        bob.files().addListener(events::add);
        try (SipTestClient raw = new SipTestClient(SipTestClient.Transport.UDP, "127.0.0.1", parley.server().sipPort(),
                "alice", TestServer.DOMAIN)) {
            String target = "sip:bob@" + TestServer.DOMAIN;
            String callId = UUID.randomUUID() + "@127.0.0.1";
            // video: audio offers are calls now (CallTest); a client takes neither video nor sessions without m=message
            String sdp = "v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\nm=video 4000 RTP/AVP 31\n";
            sendInvite(raw, target, callId, "a1", sdp);
            SipMessage answer = finalAnswer(raw, 5);

            assertThat(answer.status()).isEqualTo(488);
            assertThat(events).isEmpty();
        }
    }
}
