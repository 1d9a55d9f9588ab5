package org.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParleyCommandTest {
    @TempDir
    Path data;

    record Run(int status, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ParleyCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void unknownOptionSaysWhatIsWrongInOneLineAndExits2() {
        Run r = run("server", "--bogus");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("Unknown option: '--bogus'");
    }

    @Test
    void portOutOfRangeExits2() {
        Run r = run("server", "--data", data.toString(), "--sip-port", "70000");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--sip-port must be 0-65535");
    }

    @Test
    void missingCommandExits2() {
        assertThat(run().status()).isEqualTo(2);
        assertThat(run("admin", "--data", data.toString()).status()).isEqualTo(2);
    }

    @Test
    void addUserNeedsExactlyOnePasswordSource() {
        Run r = run("admin", "--data", data.toString(), "user", "add", "alice", "--display-name", "Alice");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--password");
    }

    @Test
    void addListPasswdRemoveUser() {
        String d = data.toString();
        Run add = run("admin", "--data", d, "user", "add", "Alice", "--display-name", "Alice Archer", "--title", "Director",
                "--department", "Management", "--email", "alice@example.org", "--password", "s3cret");
        assertThat(add.status()).as(add.err()).isZero();
        assertThat(add.out()).contains("added alice (sip:alice@parley.local)");
        assertThat(run("admin", "--data", d, "user", "list").out()).contains("alice\tAlice Archer\tDirector\tManagement\talice@example.org");
        assertThat(run("admin", "--data", d, "user", "passwd", "alice", "--password", "n3w").status()).isZero();
        assertThat(run("admin", "--data", d, "user", "remove", "alice").status()).isZero();
        assertThat(run("admin", "--data", d, "user", "list").out()).doesNotContain("alice");
    }

    @Test
    void duplicateUserAndMissingUserHaveTheirOwnExitStatus() {
        String d = data.toString();
        run("admin", "--data", d, "user", "add", "bob", "--display-name", "Bob", "--password", "x");
        Run dup = run("admin", "--data", d, "user", "add", "bob", "--display-name", "Bob", "--password", "x");
        assertThat(dup.status()).isEqualTo(4);
        assertThat(dup.err()).contains("already exists").doesNotContain("Exception");
        Run missing = run("admin", "--data", d, "user", "remove", "nobody");
        assertThat(missing.status()).isEqualTo(3);
        assertThat(missing.err()).contains("no user 'nobody'");
    }

    @Test
    void invalidUserNameIsRefused() {
        Run r = run("admin", "--data", data.toString(), "user", "add", "Bad Name", "--display-name", "X", "--password", "x");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("invalid user name");
    }

    @Test
    void unknownSettingInServerPropertiesIsReported() throws Exception {
        java.nio.file.Files.writeString(data.resolve("server.properties"), "sip-prot=5070\n");
        Run r = run("server", "--data", data.toString(), "--sip-port", "0", "--tls-port", "-1");
        assertThat(r.status()).isEqualTo(7);
        assertThat(r.err()).contains("unknown setting 'sip-prot'");
    }
}
