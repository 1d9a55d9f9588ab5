package org.parley.attendant.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.store.ClientStore;

class NotesMailTest {
    @TempDir
    Path data;
    private final List<URI> mailed = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneId.of("Europe/Berlin"));

    private static Call call(String id, String peer, Instant started) {
        return new Call(id, peer, null, Direction.INCOMING, State.CONNECTED, null, false, null, null, 0, null, 0,
                started, started, false, null, null, false, null, null);
    }

    @Test
    void mailtoEncodesSubjectAndBodyPerRfc6068() {
        URI uri = Mailto.of("Call with Zoë & Co at 10:15", "Line 1: 50% off?\nLine 2 #a=b+c\r\nend");
        assertThat(uri.toString()).isEqualTo("mailto:?subject=Call%20with%20Zo%C3%AB%20%26%20Co%20at%2010%3A15"
                + "&body=Line%201%3A%2050%25%20off%3F%0D%0ALine%202%20%23a%3Db%2Bc%0D%0Aend");
        assertThat(uri.getScheme()).isEqualTo("mailto");
    }

    @Test
    void unreservedCharactersStayAsTheyAre() {
        assertThat(Mailto.encode("AZaz09-._~")).isEqualTo("AZaz09-._~");
        assertThat(Mailto.encode("a b/é")).isEqualTo("a%20b%2F%C3%A9");
    }

    @Test
    void emailingTheSelectedCallsNotesOpensTheMailClientWithSubjectAndBody() {
        try (ClientStore store = ClientStore.open(data)) {
            NotesViewModel vm = new NotesViewModel(new CallNotes(store), clock, mailed::add);
            vm.show(call("call-1", "sip:alice@parley.test", Instant.parse("2026-01-05T08:30:00Z")), "Alice Test");
            vm.textProperty().set("Wants a call back\nabout the invoice");
            assertThat(vm.email()).isTrue();
            assertThat(mailed).hasSize(1);
            String text = URLDecoder.decode(mailed.get(0).getRawSchemeSpecificPart(), StandardCharsets.UTF_8);
            assertThat(text).isEqualTo("?subject=Call with Alice Test at 2026-01-05 09:30"
                    + "&body=Wants a call back\r\nabout the invoice");
            assertThat(vm.statusProperty().get()).isEqualTo("Opened in your mail program");
        }
    }

    @Test
    void aSavedNoteFromTheHistoryCanBeEmailed() {
        try (ClientStore store = ClientStore.open(data)) {
            NotesViewModel vm = new NotesViewModel(new CallNotes(store), clock, mailed::add);
            vm.show(call("call-2", "sip:+15551234@parley.test", null), null);
            vm.textProperty().set("Left a number");
            vm.save();
            assertThat(vm.email(vm.history().get(0))).isTrue();
            assertThat(mailed.get(0).toString()).isEqualTo("mailto:?subject=Call%20with%20sip%3A%2B15551234%40parley.test"
                    + "%20at%202026-01-05%2010%3A00&body=Left%20a%20number");
        }
    }

    @Test
    void withoutACallOrAMailProgramTheStatusSaysWhy() {
        try (ClientStore store = ClientStore.open(data)) {
            NotesViewModel vm = new NotesViewModel(new CallNotes(store), clock, uri -> {
                throw new IllegalStateException("no desktop here");
            });
            assertThat(vm.email()).isFalse();
            assertThat(vm.statusProperty().get()).isEqualTo("Select a call to e-mail its notes");
            vm.show(call("call-3", "sip:bob@parley.test", Instant.EPOCH), "Bob");
            assertThat(vm.email()).isFalse();
            assertThat(vm.statusProperty().get()).isEqualTo("Cannot open a mail program: no desktop here");
        }
    }
}
