package org.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parley admin reception ...}: the reception line's attendants and settings on a data directory. */
class ReceptionCommandTest {
    @TempDir
    Path data;

    record Run(int status, String out, String err) {
    }

    private Run run(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "admin";
        all[1] = "--data";
        all[2] = data.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ParleyCommand.execute(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    @BeforeEach
    void users() {
        assertThat(run("user", "add", "alice", "--display-name", "Alice", "--password", "x").status()).isZero();
        assertThat(run("user", "add", "bob", "--display-name", "Bob", "--password", "x").status()).isZero();
    }

    @Test
    void showListsTheDefaultsThenTheAttendantsAndSettingsSet() {
        String before = run("reception", "show").out();
        assertThat(before).contains("address=sip:reception@parley.local", "attendants=", "distribution=longest-idle",
                "overflow-seconds=60", "repeat-minutes=60", "ring-seconds=30");

        assertThat(run("reception", "set-attendants", "Bob", "alice").status()).isZero();
        assertThat(run("reception", "set", "distribution", "in-order").status()).isZero();
        assertThat(run("reception", "set", "overflow-target", "voicemail:alice").status()).isZero();
        String after = run("reception", "show").out();
        assertThat(after).contains("attendants=bob,alice", "distribution=in-order", "overflow-target=voicemail:alice");
    }

    @Test
    void unknownUsersAndBadValuesAreRefusedAndNothingChanges() {
        Run noUser = run("reception", "set-attendants", "alice", "mallory");
        assertThat(noUser.status()).isEqualTo(1);
        assertThat(noUser.err()).contains("no such user: mallory");
        Run badMode = run("reception", "set", "distribution", "random");
        assertThat(badMode.status()).isEqualTo(1);
        Run badSeconds = run("reception", "set", "overflow-seconds", "soon");
        assertThat(badSeconds.err()).contains("overflow-seconds must be a whole number");
        Run badTarget = run("reception", "set", "overflow-target", "carol");
        assertThat(badTarget.err()).contains("voicemail:USER or user:USER");
        Run tooShort = run("reception", "set", "ring-seconds", "2");
        assertThat(tooShort.status()).isEqualTo(1);
        assertThat(tooShort.err()).contains("ring-seconds must be from 5 to 300");
        Run unknown = run("reception", "set", "colour", "red");
        assertThat(unknown.err()).contains("unknown setting colour");
        assertThat(run("reception", "show").out()).contains("attendants=" + System.lineSeparator(),
                "distribution=longest-idle", "overflow-seconds=60", "ring-seconds=30");
    }
}
