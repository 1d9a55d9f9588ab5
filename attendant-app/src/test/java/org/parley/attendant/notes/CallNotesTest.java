package org.parley.attendant.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.store.ClientStore;

class CallNotesTest {
    @TempDir
    Path data;
    private final List<URI> mailed = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC);

    private static Call call(String id, String peer) {
        return new Call(id, peer, null, Direction.INCOMING, State.CONNECTED, null, false, null, null, 0, null, 0,
                Instant.EPOCH, Instant.EPOCH, false, null, null, false, null, null);
    }

    @Test
    void notesPersistAcrossARestartOfTheStoreAndAreSearchable() {
        try (ClientStore store = ClientStore.open(data)) {
            NotesViewModel vm = new NotesViewModel(new CallNotes(store), clock, mailed::add);
            vm.show(call("call-1", "sip:alice@parley.test"), "Alice Test");
            vm.textProperty().set("Wants a call back about the invoice");
            assertThat(vm.save()).isTrue();
            vm.show(call("call-2", "sip:bob@parley.test"), "Bob Test");
            vm.textProperty().set("Delivery at the back door");
            vm.save();
        }
        try (ClientStore store = ClientStore.open(data)) {
            NotesViewModel vm = new NotesViewModel(new CallNotes(store), clock, mailed::add);
            assertThat(vm.history()).hasSize(2);
            vm.show(call("call-1", "sip:alice@parley.test"), "Alice Test");
            assertThat(vm.textProperty().get()).isEqualTo("Wants a call back about the invoice");
            vm.search("INVOICE");
            assertThat(vm.history()).extracting(CallNotes.Note::callId).containsExactly("call-1");
            vm.search("bob test");
            assertThat(vm.history()).extracting(CallNotes.Note::callId).containsExactly("call-2");
        }
    }

    @Test
    void savingWithoutASelectedCallIsRefused() {
        try (ClientStore store = ClientStore.open(data)) {
            NotesViewModel vm = new NotesViewModel(new CallNotes(store), clock, mailed::add);
            vm.show(null, null);
            assertThat(vm.save()).isFalse();
            assertThat(vm.history()).isEmpty();
        }
    }
}
