package org.parley.client.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberListTest {
    private final MemberList list = new MemberList("sip:Mia@parley.test",
            Map.of("sip:bob@parley.test", "Bob Baker")::get,
            new MemberList.Messages("empty", "number", "self", "%s twice"));

    private String add(String typed) {
        list.newMemberProperty().set(typed);
        return list.add();
    }

    @Test
    void typedNamesBecomeAddressesOfTheUsersDomainAndTheFieldEmpties() {
        assertThat(add(" Bob ")).isNull();
        assertThat(add("carl@other.test")).isNull();
        assertThat(add("sips:dan@parley.test")).isNull();
        assertThat(list.members()).containsExactly("sip:bob@parley.test", "sip:carl@other.test",
                "sips:dan@parley.test");
        assertThat(list.newMemberProperty().get()).isEmpty();
    }

    @Test
    void blankNumbersOneselfAndDuplicatesAreRefusedWithTheirSentenceAndKeepTheField() {
        add("bob");
        assertThat(add("  ")).isEqualTo("empty");
        assertThat(add("+1 555 0100")).isEqualTo("number");
        assertThat(add("mia")).isEqualTo("self");
        assertThat(add("BOB@parley.test")).isEqualTo("Bob Baker twice");
        assertThat(list.newMemberProperty().get()).isEqualTo("BOB@parley.test");
        assertThat(list.members()).containsExactly("sip:bob@parley.test");
    }

    @Test
    void namesFallBackToTheBareAddressAndRemoveTakesSomeoneOut() {
        assertThat(list.nameOf("sip:bob@parley.test")).isEqualTo("Bob Baker");
        assertThat(list.nameOf("sip:zed@parley.test")).isEqualTo("zed@parley.test");
        assertThat(list.nameOf(null)).isEmpty();
        add("bob");
        list.remove("sip:bob@parley.test");
        assertThat(list.members()).isEmpty();
    }
}
