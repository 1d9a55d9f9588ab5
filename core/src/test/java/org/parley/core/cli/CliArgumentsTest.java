package org.parley.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.parley.core.client.ClientConfig;

/** What `parley cli` does with its arguments before any network: errors say what is wrong and give exit 2. */
class CliArgumentsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return CliRunner.run(args, (config, events) -> {
            throw new AssertionError("no client may be created for bad arguments");
        }, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true), new PrintStream(err, true));
    }

    @Test
    void missingServerIsAUsageErrorWithExit2() {
        assertThat(run("", "--user", "alice", "--password-stdin")).isEqualTo(2);
        assertThat(err.toString()).contains("--server");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void unknownTransportIsRefusedWithExit2() {
        assertThat(run("pw\n", "--server", "127.0.0.1", "--user", "alice", "--password-stdin", "--transport", "sctp")).isEqualTo(2);
        assertThat(err.toString()).contains("--transport must be udp, tcp or tls");
    }

    @Test
    void badPortIsRefusedWithExit2() {
        assertThat(run("pw\n", "--server", "127.0.0.1:99999", "--user", "alice", "--password-stdin")).isEqualTo(2);
        assertThat(err.toString()).contains("1-65535");
    }

    @Test
    void noPasswordSourceIsRefusedWithExit2() {
        assertThat(run("", "--server", "127.0.0.1", "--user", "alice")).isEqualTo(2);
        assertThat(err.toString()).contains("--password-stdin");
    }

    @Test
    void emptyPasswordLineIsRefusedWithExit2() {
        assertThat(run("\n", "--server", "127.0.0.1", "--user", "alice", "--password-stdin")).isEqualTo(2);
        assertThat(err.toString()).contains("first line of stdin");
    }

    @Test
    void userWithDomainAndServerWithPortMakeTheConfig() {
        CliCommand c = new CliCommand(null, null, null);
        c.server = "10.0.0.5:7000";
        c.user = "Alice@Example.ORG";
        c.transport = "tcp";
        c.passwordStdin = true;
        ClientConfig cfg = c.config();
        assertThat(cfg.serverHost()).isEqualTo("10.0.0.5");
        assertThat(cfg.serverPort()).isEqualTo(7000);
        assertThat(cfg.transport()).isEqualTo(ClientConfig.Transport.TCP);
        assertThat(cfg.aor()).isEqualTo("sip:alice@example.org");
    }

    @Test
    void defaultsAreTlsOnItsPortAndTheDemoDomain() {
        CliCommand c = new CliCommand(null, null, null);
        c.server = "127.0.0.1";
        c.user = "bob";
        c.password = "x";
        ClientConfig cfg = c.config();
        assertThat(cfg.transport()).isEqualTo(ClientConfig.Transport.TLS);
        assertThat(cfg.serverPort()).isEqualTo(5061);
        assertThat(cfg.domain()).isEqualTo("parley.local");
    }

    @Test
    void quotedWordsStayTogetherAndUnterminatedQuotesAreRefused() {
        assertThat(Tokenizer.split("contact phone \"Pizza Place\" +1555 ")).containsExactly("contact", "phone", "Pizza Place", "+1555");
        assertThat(Tokenizer.split("im bob \"say \\\"hi\\\"\"")).containsExactly("im", "bob", "say \"hi\"");
        assertThatThrownBy(() -> Tokenizer.split("im bob \"oops")).hasMessageContaining("unterminated");
    }

    @Test
    void audioInAndToneTogetherAreRefusedWithExit2() {
        assertThat(run("pw\n", "--server", "127.0.0.1", "--user", "alice", "--password-stdin", "--tone", "440",
                "--audio-in", "x.wav")).isEqualTo(2);
        assertThat(err.toString()).contains("either --audio-in or --tone");
    }

    @Test
    void missingOrNonWavAudioInIsRefusedWithExit2(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        assertThat(run("pw\n", "--server", "127.0.0.1", "--user", "alice", "--password-stdin", "--audio-in",
                dir.resolve("missing.wav").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--audio-in: no readable file");
        java.nio.file.Path text = java.nio.file.Files.writeString(dir.resolve("notes.wav"), "not audio");
        assertThat(run("pw\n", "--server", "127.0.0.1", "--user", "alice", "--password-stdin", "--audio-in",
                text.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is not a 16-bit PCM WAV file");
    }

    @Test
    void toneOutsideTheAudibleRangeOrNotANumberIsRefusedWithExit2() {
        assertThat(run("pw\n", "--server", "127.0.0.1", "--user", "alice", "--password-stdin", "--tone", "50000")).isEqualTo(2);
        assertThat(err.toString()).contains("--tone must be 20-20000 Hz");
        assertThat(run("pw\n", "--server", "127.0.0.1", "--user", "alice", "--password-stdin", "--tone", "loud")).isEqualTo(2);
        assertThat(err.toString()).contains("--tone");
    }

    @Test
    void audioOutInAMissingDirectoryIsRefusedWithExit2(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertThat(run("pw\n", "--server", "127.0.0.1", "--user", "alice", "--password-stdin", "--audio-out",
                dir.resolve("no/such/dir/out.wav").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--audio-out: cannot write");
    }

    @Test
    void toneAndAudioOutBecomeHeadlessDevicesWithASilentRinger(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        CliCommand c = new CliCommand(null, null, null);
        c.toneHz = 440.0;
        c.audioOut = dir.resolve("heard.wav");
        org.parley.core.client.AudioDevices d = c.devices();
        assertThat(d.capture()).isEqualTo("tone:440");
        assertThat(d.playback()).isEqualTo("file:" + dir.resolve("heard.wav").toAbsolutePath());
        assertThat(d.ringer()).isEqualTo("none");
        assertThat(new CliCommand(null, null, null).devices()).as("no audio options: the client's own devices").isNull();
    }
}
