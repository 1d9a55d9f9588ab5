package org.parley.server.transport;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.server.ParleyServer;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.SipTestClient;
import org.parley.server.testsupport.TestServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 4475's torture messages, sent byte for byte to a running server-lite: each gets the outcome
 * {@code rfc4475/index.tsv} expects (a status code, no response, or a closed connection), and after each one the
 * server still answers an OPTIONS for itself with 200. Each message gets a fresh server: several RFC messages share
 * branch and sent-by, so within 32 s one server rightly takes the later ones for retransmissions (ADR 0020).
 */
class TortureMessagesTest {
    private static final Logger LOG = LoggerFactory.getLogger(TortureMessagesTest.class);
    private static final Duration WAIT = Duration.ofSeconds(2);
    private static final Pattern SENT_BY = Pattern.compile(
            "SIP\\s*/\\s*[0-9.]+\\s*/\\s*[A-Za-z]+\\s+([^;:,\\s]+)\\s*(?::\\s*(\\d+))?");

    @TempDir
    Path dataDir;
    private ParleyServer server;
    private KeyStore tlsKeys;
    private char[] tlsPassword;

    /** One row of the index. */
    record Fixture(String tag, String validity, String section, String transport, String expected, String why) {
        Set<String> acceptable() {
            return Set.of(expected.split("\\|"));
        }

        @Override
        public String toString() {
            return tag + " (" + validity + ", RFC 4475 §" + section + ", " + transport + ") expects " + expected;
        }
    }

    @BeforeEach
    void startServer() throws Exception {
        server = TestServer.start(dataDir);
        TlsMaterial tls = server.tls();
        if (tls != null) {
            tlsPassword = tls.password().toCharArray();
            tlsKeys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(tls.keyStore())) {
                tlsKeys.load(in, tlsPassword);
            }
        }
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    static List<Fixture> fixtures() throws IOException {
        List<Fixture> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(resource("index.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                rows.add(new Fixture(f[0], f[1], f[2], f[3], f[4], f[5]));
            }
        }
        return rows;
    }

    private static InputStream resource(String name) {
        InputStream in = TortureMessagesTest.class.getResourceAsStream("/rfc4475/" + name);
        assertNotNull(in, "missing test resource rfc4475/" + name);
        return in;
    }

    private static byte[] message(String tag) throws IOException {
        try (InputStream in = resource(tag + ".dat")) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void tortureMessageGetsTheExpectedOutcomeAndTheServerStillAnswersOptions(Fixture fixture) throws Exception {
        byte[] bytes = message(fixture.tag());
        String outcome = "udp".equals(fixture.transport()) ? overUdp(bytes) : overTcp(bytes);
        int options = optionsStatus();
        LOG.info("RFC 4475 {} over {}: {} (expected {}), then OPTIONS {}", fixture.tag(), fixture.transport(), outcome,
                fixture.expected(), options);
        assertAll(() -> assertTrue(fixture.acceptable().contains(outcome),
                        fixture.tag() + ": expected " + fixture.expected() + " (" + fixture.why() + ") but got " + outcome),
                () -> assertEquals(200, options, "OPTIONS to the server after " + fixture.tag() + " (-1: no answer)"));
    }

    /** Sends one datagram from the Via's port on a loopback address of the sink; the first final answer, or none. */
    private String overUdp(byte[] datagram) throws Exception {
        try (ViaSink sink = new ViaSink(topViaPort(datagram), tlsKeys, tlsPassword)) {
            sink.sendUdp(datagram, new InetSocketAddress(InetAddress.getByName(server.host()), server.sipPort()));
            SipMessage answer = sink.finalResponse(WAIT);
            if (answer == null) {
                return "none";
            }
            if (!answer.isResponse()) {
                fail("the server sent a request back to the fixture's source:\n" + answer);
            }
            return Integer.toString(answer.status());
        }
    }

    /** Writes the bytes on a fresh TCP connection: the first final answer on it, "close", or none. */
    private String overTcp(byte[] bytes) throws Exception {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            s.connect(new InetSocketAddress(InetAddress.getByName(server.host()), server.sipPort()), 2000);
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                int left = (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                s.setSoTimeout(left);
                SipMessage m;
                try {
                    m = ViaSink.readFramed(s.getInputStream());
                } catch (SocketTimeoutException e) {
                    return "none";
                } catch (IOException e) {
                    return "close";
                }
                if (m == null) {
                    return "close";
                }
                if (m.isResponse() && m.status() >= 200) {
                    return Integer.toString(m.status());
                }
                if (System.nanoTime() >= deadline) {
                    return "none";
                }
            }
        }
    }

    /** The port of the first Via sent-by (5060 when it names none), unfolding continuation lines first. */
    static int topViaPort(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = (end < 0 ? text : text.substring(0, end)).replaceAll("\r\n[ \t]+", " ");
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (name.equals("via") || name.equals("v")) {
                Matcher m = SENT_BY.matcher(line.substring(colon + 1));
                return m.find() && m.group(2) != null ? Integer.parseInt(m.group(2)) : 5060;
            }
        }
        return 5060;
    }

    private int optionsStatus() throws IOException {
        try (SipTestClient probe = new SipTestClient(SipTestClient.Transport.UDP, server.host(), server.sipPort(),
                "probe", server.domain())) {
            String target = "sip:" + server.host() + ":" + server.sipPort();
            probe.send("OPTIONS " + target + " SIP/2.0\n"
                    + "Via: " + probe.via(SipTestClient.newBranch()) + "\n"
                    + "Max-Forwards: 70\n"
                    + "From: <sip:probe@" + server.domain() + ">;tag=" + SipTestClient.newTag() + "\n"
                    + "To: <" + target + ">\n"
                    + "Call-ID: " + UUID.randomUUID() + "@probe\n"
                    + "CSeq: 1 OPTIONS\n\n");
            SipMessage answer = probe.expectResponse(Duration.ofSeconds(5));
            return answer == null ? -1 : answer.status();
        }
    }
}
