package org.parley.attendant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttendantOptionsTest {
    private static BufferedReader stdin(String text) {
        return new BufferedReader(new StringReader(text));
    }

    @Test
    void userAndPasswordFromStdinSignInAtOnce() {
        AttendantOptions o = AttendantOptions.parse(List.of("--server", "pbx.example", "--port", "5070", "--transport",
                "tcp", "--user", "carol@example.org", "--password-stdin", "--data", "/tmp/att"), stdin("s3cret\n"));
        assertThat(o.signInNow()).isTrue();
        assertThat(o.user()).isEqualTo("carol");
        assertThat(o.domain()).isEqualTo("example.org");
        assertThat(o.port()).isEqualTo(5070);
        assertThat(o.transport()).isEqualTo("TCP");
        assertThat(o.dataRoot()).isEqualTo(Path.of("/tmp/att"));
        assertThat(new String(o.password())).isEqualTo("s3cret");
    }

    @Test
    void withoutArgumentsTheWelcomeScreenShows() {
        assertThat(AttendantOptions.parse(List.of(), stdin("")).signInNow()).isFalse();
    }

    @Test
    void wrongArgumentsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> AttendantOptions.parse(List.of("--user", "carol"), null))
                .hasMessageContaining("user@domain");
        assertThatThrownBy(() -> AttendantOptions.parse(List.of("--port", "99999"), null))
                .hasMessageContaining("1-65535");
        assertThatThrownBy(() -> AttendantOptions.parse(List.of("--password-stdin"), stdin("x\n")))
                .hasMessageContaining("needs --user");
        assertThatThrownBy(() -> AttendantOptions.parse(List.of("--user", "c@d", "--password-stdin"), stdin("")))
                .hasMessageContaining("no password line");
        assertThatThrownBy(() -> AttendantOptions.parse(List.of("--fast"), null)).hasMessageContaining("unknown");
    }
}
