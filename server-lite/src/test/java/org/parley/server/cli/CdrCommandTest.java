package org.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.cdr.CallDetails;
import org.parley.server.store.Database;
import org.parley.server.store.SqliteDialect;
import org.parley.server.testsupport.MutableClock;

/** {@code parley admin cdr list}: call detail records the proxy wrote, newest first. */
class CdrCommandTest {
    @TempDir
    Path data;

    private String[] run(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "admin";
        all[1] = "--data";
        all[2] = data.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ParleyCommand.execute(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(status), out.toString(), err.toString()};
    }

    @Test
    void listsAnsweredAndForwardedCallsNewestFirstWithDashesForWhatIsUnknown() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
        try (Database db = Database.open(data, new SqliteDialect()); CallDetails cdr = new CallDetails(db, clock)) {
            CallDetails.Call first = cdr.begin("c1", "sip:alice@parley.local", "sip:bob@parley.local");
            first.routed("sip:bob@parley.local", null);
            clock.advance(java.time.Duration.ofSeconds(3));
            first.finished(200, false);
            clock.advance(java.time.Duration.ofMinutes(1));
            CallDetails.Call second = cdr.begin("c2", "sip:carol@parley.local", "sip:bob@parley.local");
            second.routed("voicemail:bob", "dnd");
            second.finished(200, true);
        }
        String[] r = run("cdr", "list");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        String[] lines = r[1].split(System.lineSeparator());
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("2026-11-22T09:01:03Z\tsip:carol@parley.local\tsip:bob@parley.local\tvoicemail\t200\tdnd"
                + "\tvoicemail:bob\t2026-11-22T09:01:03Z\t-");
        assertThat(lines[1]).isEqualTo("2026-11-22T09:00:00Z\tsip:alice@parley.local\tsip:bob@parley.local\tanswered\t200\t-"
                + "\tsip:bob@parley.local\t2026-11-22T09:00:03Z\t-");
        assertThat(run("cdr", "list", "--limit", "1")[1].split(System.lineSeparator())).hasSize(1);
        assertThat(run("cdr", "list", "--limit", "0")[0]).isNotEqualTo("0");
    }
}
