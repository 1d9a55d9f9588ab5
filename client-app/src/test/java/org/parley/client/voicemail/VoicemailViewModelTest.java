package org.parley.client.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.client.testing.FakeClient;
import org.parley.core.client.VoicemailService.Voicemail;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;

/** The voicemail window's state without controls: a recording fake box. */
class VoicemailViewModelTest {
    @TempDir
    Path dir;
    private final FakeClient client = new FakeClient();
    private final List<Path> played = new ArrayList<>();
    private final List<String> called = new ArrayList<>();
    private final List<Voicemail> box = new ArrayList<>(List.of(
            new Voicemail("m2", "sip:bob@parley.test", "Bob Builder", Instant.parse("2026-11-17T10:00:00Z"),
                    Duration.ofSeconds(75), false, "no-answer"),
            new Voicemail("m1", "tel:+15550100", null, Instant.parse("2026-11-16T10:00:00Z"), Duration.ofSeconds(9),
                    true, "dnd")));

    VoicemailViewModelTest() {
        client.answers.put("VoicemailService.list", args -> CompletableFuture.completedFuture(List.copyOf(box)));
        client.answers.put("VoicemailService.fetch", args -> {
            try {
                Files.writeString((Path) args[1], "RIFF" + args[0]);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return CompletableFuture.completedFuture((Path) args[1]);
        });
        client.answers.put("VoicemailService.markHeard", args -> {
            box.replaceAll(v -> v.id().equals(args[0]) ? new Voicemail(v.id(), v.caller(), v.callerName(),
                    v.received(), v.length(), (Boolean) args[1], v.reason()) : v);
            return CompletableFuture.completedFuture(null);
        });
        client.answers.put("VoicemailService.delete", args -> {
            box.removeIf(v -> v.id().equals(args[0]));
            return CompletableFuture.completedFuture(null);
        });
    }

    private VoicemailViewModel open() {
        VoicemailViewModel vm = new VoicemailViewModel(client::voicemail, uri -> null, dir, played::add, called::add);
        vm.refresh().join();
        return vm;
    }

    @Test
    void listsTheMessagesWithWhoWhyAndHowLong() {
        VoicemailViewModel vm = open();

        assertThat(vm.messages()).extracting(Voicemail::id).containsExactly("m2", "m1");
        assertThat(vm.callerText(vm.messages().get(0))).isEqualTo("Bob Builder");
        assertThat(vm.callerText(vm.messages().get(1))).isEqualTo("+15550100");
        assertThat(VoicemailViewModel.reasonText("no-answer")).isEqualTo("Not answered");
        assertThat(VoicemailViewModel.lengthText(Duration.ofSeconds(75))).isEqualTo("1:15");
        assertThat(vm.statusProperty().get()).isEqualTo("2 messages · 1 new");
    }

    @Test
    void playingDownloadsTheMessageHandsTheFileToThePlayerAndMarksItHeard() throws Exception {
        VoicemailViewModel vm = open();

        vm.play(vm.messages().get(0)).join();

        assertThat(played).containsExactly(dir.resolve("voicemail-m2.wav"));
        assertThat(Files.readString(played.get(0))).isEqualTo("RIFFm2");
        assertThat(client.calls).containsSubsequence("fetch m2", "markHeard m2", "list");
        assertThat(vm.messages().get(0).heard()).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("Playing the message from Bob Builder");
    }

    @Test
    void aFetchThatFailsIsAnErrorLineAndNothingPlays() {
        client.answers.put("VoicemailService.fetch", args -> CompletableFuture.failedFuture(
                new ParleyException(ErrorCode.NOT_FOUND, "no such message")));
        VoicemailViewModel vm = open();

        vm.play(vm.messages().get(1)).join();

        assertThat(played).isEmpty();
        assertThat(vm.errorProperty().get()).isEqualTo("Cannot play the message: no such message");
    }

    @Test
    void markHeardDeleteAndCallBackActOnTheChosenMessage() {
        VoicemailViewModel vm = open();
        vm.selectedProperty().set(vm.messages().get(1));

        vm.markHeard(vm.selectedProperty().get(), false).join();
        assertThat(vm.messages().get(1).heard()).isFalse();
        assertThat(vm.selectedProperty().get().id()).as("the choice stays").isEqualTo("m1");

        vm.callBack(vm.selectedProperty().get());
        assertThat(called).containsExactly("tel:+15550100");

        vm.delete(vm.selectedProperty().get()).join();
        assertThat(vm.messages()).extracting(Voicemail::id).containsExactly("m2");
        assertThat(vm.selectedProperty().get()).isNull();
        assertThat(vm.statusProperty().get()).isEqualTo("Message deleted");
    }

    @Test
    void theGreetingIsAWavFileOrTheDefault() {
        List<Object> greetings = new ArrayList<>();
        client.answers.put("VoicemailService.setGreeting", args -> {
            greetings.add(args[0] == null ? "default" : args[0]);
            return CompletableFuture.completedFuture(null);
        });
        VoicemailViewModel vm = open();

        vm.setGreeting(dir.resolve("notes.txt")).join();
        assertThat(vm.errorProperty().get()).isEqualTo("The greeting must be a WAV file.");
        vm.setGreeting(dir.resolve("hello.wav")).join();
        assertThat(vm.statusProperty().get()).isEqualTo("Your greeting is hello.wav");
        vm.resetGreeting().join();

        assertThat(greetings).containsExactly(dir.resolve("hello.wav"), "default");
        assertThat(vm.statusProperty().get()).isEqualTo("Callers hear the default greeting");
    }

    @Test
    void aClientWithoutVoicemailShowsItIsUnavailable() {
        client.voicemailFailure = new UnsupportedOperationException("voicemail is not built yet");

        VoicemailViewModel vm = open();

        assertThat(vm.availableProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Voicemail unavailable: voicemail is not built yet");
        assertThat(vm.messages()).isEmpty();
    }
}
