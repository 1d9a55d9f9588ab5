package org.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parley admin group ...}: distribution groups on a data directory. */
class GroupCommandTest {
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
    void addListChangeMembersAndRemoveAGroup() {
        Run add = run("group", "add", "Sales", "--display-name", "Sales team", "--member", "alice", "--member", "bob");
        assertThat(add.status()).as(add.err()).isZero();
        assertThat(add.out()).contains("added group sales (sip:sales@parley.local) with 2 member(s)");
        assertThat(run("group", "list").out()).isEqualTo("sales\tSales team\talice,bob" + System.lineSeparator());

        assertThat(run("group", "member", "remove", "sales", "alice").status()).isZero();
        assertThat(run("group", "list").out()).contains("sales\tSales team\tbob");
        assertThat(run("group", "member", "add", "sales", "alice").status()).isZero();
        assertThat(run("group", "list").out()).contains("sales\tSales team\talice,bob");

        Run removed = run("group", "remove", "sales");
        assertThat(removed.status()).isZero();
        assertThat(removed.out()).contains("removed group sales");
        assertThat(run("group", "list").out()).isEmpty();
    }

    @Test
    void removingAUserTakesThemOutOfTheirGroups() {
        run("group", "add", "sales", "--display-name", "Sales", "--member", "alice", "--member", "bob");
        assertThat(run("user", "remove", "alice").status()).isZero();
        assertThat(run("group", "list").out()).contains("sales\tSales\tbob");
    }

    @Test
    void aGroupAndAUserNeverShareAName() {
        Run clash = run("group", "add", "alice", "--display-name", "Alice's group");
        assertThat(clash.status()).isEqualTo(4);
        assertThat(clash.err()).contains("'alice' is a user's name");
        run("group", "add", "sales", "--display-name", "Sales");
        Run user = run("user", "add", "sales", "--display-name", "Sales Person", "--password", "x");
        assertThat(user.status()).isEqualTo(4);
        assertThat(user.err()).contains("'sales' is a distribution group's name");
        assertThat(run("user", "list").out()).doesNotContain("sales");
    }

    @Test
    void badArgumentsExitNonZeroWithAClearMessage() {
        Run noDisplayName = run("group", "add", "sales");
        assertThat(noDisplayName.status()).isEqualTo(2);
        assertThat(noDisplayName.err()).contains("--display-name");

        Run badName = run("group", "add", "Bad Name", "--display-name", "X");
        assertThat(badName.status()).isEqualTo(2);
        assertThat(badName.err()).contains("invalid user name 'Bad Name'");

        Run unknownMember = run("group", "add", "sales", "--display-name", "Sales", "--member", "nobody");
        assertThat(unknownMember.status()).isEqualTo(3);
        assertThat(unknownMember.err()).contains("no user 'nobody'").doesNotContain("Exception");
        assertThat(run("group", "list").out()).as("nothing half-made").isEmpty();

        run("group", "add", "sales", "--display-name", "Sales");
        Run duplicate = run("group", "add", "sales", "--display-name", "Sales");
        assertThat(duplicate.status()).isEqualTo(4);
        assertThat(duplicate.err()).contains("group 'sales' already exists");

        assertThat(run("group", "remove", "nogroup").err()).contains("no group 'nogroup'");
        assertThat(run("group", "remove", "nogroup").status()).isEqualTo(3);
        assertThat(run("group", "member", "add", "nogroup", "alice").status()).isEqualTo(3);
        Run notMember = run("group", "member", "remove", "sales", "bob");
        assertThat(notMember.status()).isEqualTo(3);
        assertThat(notMember.err()).contains("'bob' is not a member of group 'sales'");
        run("group", "member", "add", "sales", "bob");
        Run twice = run("group", "member", "add", "sales", "bob");
        assertThat(twice.status()).isEqualTo(4);
        assertThat(twice.err()).contains("already a member");
        Run missingUser = run("group", "member", "add", "sales");
        assertThat(missingUser.status()).isEqualTo(2);
        assertThat(missingUser.err()).contains("USER");
        assertThat(run("group").status()).isEqualTo(2);
        assertThat(run("group").err()).contains("missing command");
    }
}
