package org.parley.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientCommandLineTest {

    private static BufferedReader stdin(String text) {
        return new BufferedReader(new StringReader(text));
    }

    @Test
    void noArgumentsGiveTheDefaults() {
        LaunchOptions o = ClientCommandLine.parse(List.of());
        assertEquals(LaunchOptions.defaults().dataRoot(), o.dataRoot());
        assertNull(o.server());
        assertNull(o.port());
        assertNull(o.transport());
        assertNull(o.address());
        assertNull(o.password());
        assertFalse(o.signInNow());
    }

    @Test
    void everyOptionIsCarriedOver(@org.junit.jupiter.api.io.TempDir Path dir) {
        LaunchOptions o = ClientCommandLine.parse(List.of("--data", dir.toString(), "--server", "127.0.0.1", "--port",
                "5071", "--transport", "tls", "--user", "Alice@Parley.Test"));
        assertEquals(dir.toAbsolutePath(), o.dataRoot());
        assertEquals("127.0.0.1", o.server());
        assertEquals(5071, o.port());
        assertEquals("TLS", o.transport());
        assertEquals("alice@parley.test", o.address());
        assertFalse(o.signInNow());
    }

    @Test
    void transportIsCaseInsensitive() {
        assertEquals("UDP", ClientCommandLine.parse(List.of("--transport", "UDP")).transport());
        assertEquals("TCP", ClientCommandLine.parse(List.of("--transport", "tcp")).transport());
    }

    @Test
    void passwordStdinReadsOneLineAndSignsInAtOnce() {
        LaunchOptions o = ClientCommandLine.parse(List.of("--user", "bob@parley.test", "--password-stdin"),
                stdin("s3cret pass\nnot this\n"));
        assertArrayEquals("s3cret pass".toCharArray(), o.password());
        assertTrue(o.signInNow());
    }

    @Test
    void pureParseLeavesThePasswordUnreadWithPasswordStdin() {
        LaunchOptions o = ClientCommandLine.parse(List.of("--user", "bob@parley.test", "--password-stdin"));
        assertNull(o.password());
        assertEquals(o, ClientCommandLine.parse(List.of("--user", "bob@parley.test", "--password-stdin")));
    }

    @Test
    void passwordStdinWithEmptyInputIsAUsageError() {
        ClientCommandLine.Exit e = assertThrows(ClientCommandLine.Exit.class,
                () -> ClientCommandLine.parse(List.of("--user", "bob@parley.test", "--password-stdin"), stdin("")));
        assertEquals(2, e.exitCode());
        assertTrue(e.text().contains("no password"), e.text());
    }

    @Test
    void passwordStdinWithoutUserIsAUsageError() {
        ClientCommandLine.Exit e = assertThrows(ClientCommandLine.Exit.class,
                () -> ClientCommandLine.parse(List.of("--password-stdin"), stdin("pw\n")));
        assertEquals(2, e.exitCode());
        assertTrue(e.text().contains("--password-stdin needs --user"), e.text());
    }

    @Test
    void unknownTransportSaysWhichValuesAreAllowed() {
        ClientCommandLine.Exit e = assertThrows(ClientCommandLine.Exit.class,
                () -> ClientCommandLine.parse(List.of("--transport", "sctp")));
        assertEquals(2, e.exitCode());
        assertTrue(e.text().contains("sctp") && e.text().contains("TLS"), e.text());
    }

    @Test
    void portOutOfRangeOrNotANumberIsAUsageError() {
        ClientCommandLine.Exit range = assertThrows(ClientCommandLine.Exit.class,
                () -> ClientCommandLine.parse(List.of("--port", "70000")));
        assertTrue(range.text().contains("--port must be 1-65535"), range.text());
        ClientCommandLine.Exit nan = assertThrows(ClientCommandLine.Exit.class,
                () -> ClientCommandLine.parse(List.of("--port", "five")));
        assertEquals(2, nan.exitCode());
        assertTrue(nan.text().contains("five"), nan.text());
    }

    @Test
    void addressWithoutDomainIsAUsageError() {
        ClientCommandLine.Exit e = assertThrows(ClientCommandLine.Exit.class,
                () -> ClientCommandLine.parse(List.of("--user", "alice")));
        assertEquals(2, e.exitCode());
        assertTrue(e.text().contains("user@domain"), e.text());
    }

    @Test
    void unknownOptionIsAUsageError() {
        ClientCommandLine.Exit e = assertThrows(ClientCommandLine.Exit.class,
                () -> ClientCommandLine.parse(List.of("--colour", "blue")));
        assertEquals(2, e.exitCode());
        assertTrue(e.text().contains("--colour"), e.text());
    }

    @Test
    void helpAndVersionExitZeroWithText() {
        ClientCommandLine.Exit help = assertThrows(ClientCommandLine.Exit.class,
                () -> ClientCommandLine.parse(List.of("--help")));
        assertEquals(0, help.exitCode());
        assertTrue(help.text().contains("--password-stdin"), help.text());
        ClientCommandLine.Exit version = assertThrows(ClientCommandLine.Exit.class,
                () -> ClientCommandLine.parse(List.of("--version")));
        assertEquals(0, version.exitCode());
        assertTrue(version.text().startsWith("Parley Communicator "), version.text());
    }
}
