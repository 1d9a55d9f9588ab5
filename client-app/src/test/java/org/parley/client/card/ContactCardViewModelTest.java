package org.parley.client.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.parley.client.card.ContactCardViewModel.Field;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.Availability;
import org.parley.core.model.Contact;
import org.parley.core.model.ContactCard;
import org.parley.core.model.ContactKind;
import org.parley.core.model.DeviceKind;
import org.parley.core.model.PresenceInfo;
import org.parley.core.model.PresenceState;
import org.parley.core.model.Visibility;

class ContactCardViewModelTest {
    private static final ContactCard FULL = new ContactCard("sip:carol@x.test", "Carol Jones", "Engineer", "Parley",
            "R&D", "carol@x.test", "+1 555 0100", "+1 555 0101", "+1 555 0102");
    private static final PresenceInfo BUSY_IN_BERLIN = new PresenceInfo(Availability.BUSY, PresenceState.IN_A_MEETING,
            null, "Back at 3", "Berlin office", List.of(DeviceKind.DESKTOP, DeviceKind.MOBILE), null);

    private final SimpleObjectProperty<ContactCard> card = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<PresenceInfo> presence = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<Contact> contact = new SimpleObjectProperty<>();
    private final List<AccessLevel> granted = new ArrayList<>();
    private final ContactCardViewModel vm = new ContactCardViewModel("sip:carol@x.test", "carol", card, presence,
            contact, level -> {
                granted.add(level);
                return CompletableFuture.completedFuture(null);
            });

    private List<String> ids() {
        return vm.fields().stream().map(Field::id).toList();
    }

    @Test
    void showsEveryFieldThePersonalLevelSendsInOrder() {
        card.set(FULL);
        presence.set(BUSY_IN_BERLIN);
        assertThat(vm.nameProperty().get()).isEqualTo("Carol Jones");
        assertThat(vm.stateProperty().get()).isEqualTo("In a meeting");
        assertThat(vm.noteProperty().get()).isEqualTo("Back at 3");
        assertThat(vm.availabilityProperty().get()).isEqualTo(Availability.BUSY);
        assertThat(ids()).containsExactly("title", "company", "department", "email", "workPhone", "mobilePhone",
                "homePhone", "location", "devices");
        assertThat(vm.field("devices").orElseThrow().value()).isEqualTo("Computer, Mobile");
        assertThat(vm.emailProperty().get()).isEqualTo("carol@x.test");
    }

    @Test
    void fieldsTheServerLeftOutAreAbsentNeverNull() {
        card.set(Visibility.card(FULL, AccessLevel.PUBLIC));
        presence.set(Visibility.presence(BUSY_IN_BERLIN, AccessLevel.PUBLIC));
        assertThat(ids()).containsExactly("title", "company", "department", "email");
        assertThat(vm.noteProperty().get()).isEmpty();
        assertThat(vm.stateProperty().get()).isEqualTo("Busy");
        assertThat(vm.fields()).noneMatch(f -> f.value().contains("null"));
    }

    @Test
    void aLowerLevelFromTheOtherSideHidesFieldsLive() {
        card.set(Visibility.card(FULL, AccessLevel.COMPANY));
        presence.set(Visibility.presence(BUSY_IN_BERLIN, AccessLevel.COMPANY));
        assertThat(ids()).contains("workPhone").doesNotContain("mobilePhone", "location");
        assertThat(vm.noteProperty().get()).isEqualTo("Back at 3");

        card.set(Visibility.card(FULL, AccessLevel.BLOCKED));
        presence.set(Visibility.presence(BUSY_IN_BERLIN, AccessLevel.BLOCKED));
        assertThat(ids()).isEmpty();
        assertThat(vm.stateProperty().get()).isEqualTo("Offline");
        assertThat(vm.emailProperty().get()).isNull();
        assertThat(vm.nameProperty().get()).isEqualTo("Carol Jones");
    }

    @Test
    void withoutACardTheNameFallsBackAndNothingElseShows() {
        assertThat(vm.nameProperty().get()).isEqualTo("carol");
        assertThat(vm.fields()).isEmpty();
        assertThat(vm.stateProperty().get()).isEqualTo("Presence unknown");
        assertThat(vm.inMyListProperty().get()).isFalse();
    }

    @Test
    void theLevelIGrantFollowsMyListAndChoosingOneTellsTheServer() {
        contact.set(new Contact("sip:carol@x.test", "Carol Jones", ContactKind.USER, List.of(), false, null,
                AccessLevel.COMPANY));
        assertThat(vm.inMyListProperty().get()).isTrue();
        assertThat(vm.grantedLevelProperty().get()).isNull();
        assertThat(vm.effectiveLevelProperty().get()).isEqualTo("Company");
        assertThat(granted).isEmpty();

        vm.grantedLevelProperty().set(AccessLevel.TEAM);
        assertThat(granted).containsExactly(AccessLevel.TEAM);
        contact.set(new Contact("sip:carol@x.test", "Carol Jones", ContactKind.USER, List.of(), false, AccessLevel.TEAM,
                AccessLevel.TEAM));
        assertThat(granted).as("the server's echo is not sent back").containsExactly(AccessLevel.TEAM);
        assertThat(vm.effectiveLevelProperty().get()).isEqualTo("Team");
    }

    @Test
    void aPhoneContactShowsItsNumberInsteadOfPresence() {
        ContactCardViewModel phone = new ContactCardViewModel("tel:+15550199", "Pizza Place",
                new SimpleObjectProperty<>(), new SimpleObjectProperty<>(), new SimpleObjectProperty<>(),
                level -> CompletableFuture.completedFuture(null));
        assertThat(phone.stateProperty().get()).isEqualTo("Phone contact");
        assertThat(phone.fields()).containsExactly(new Field("phone", "Phone", "+15550199"));
    }
}
