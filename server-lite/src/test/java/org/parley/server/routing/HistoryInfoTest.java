package org.parley.server.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading and writing History-Info entries (RFC 7044) as the router uses them. */
class HistoryInfoTest {
    @Test
    void entriesForAForwardedLegNameTheDialledUserTheForwardingWithItsCauseAndTheContact() {
        RoutePlan.Leg leg = new RoutePlan.Leg("sip:carol@192.0.2.30:5062;transport=tcp", "carol",
                List.of(new RoutePlan.Step("sip:bob@d", 0), new RoutePlan.Step("sip:carol@d", 302)));
        assertThat(HistoryInfo.entriesFor(leg, null)).containsExactly(
                "<sip:bob@d>;index=1",
                "<sip:carol@d;cause=302>;index=1.1;mp=1",
                "<sip:carol@192.0.2.30:5062;transport=tcp>;index=1.1.1;rc=1.1");
        assertThat(HistoryInfo.entriesFor(leg, "1.2")).as("continuing an upstream index")
                .containsExactly("<sip:carol@d;cause=302>;index=1.2.1;mp=1.2",
                        "<sip:carol@192.0.2.30:5062;transport=tcp>;index=1.2.1.1;rc=1.2.1");
    }

    @Test
    void forwardedUsersAreTheLocalUsersOnThePathBeforeTheOneNowCalledAndNotContacts() {
        List<HistoryInfo.Entry> entries = HistoryInfo.parse(List.of(
                "<sip:Bob@D>;index=1, <sip:bob@192.0.2.1:5060>;index=1.1;rc=1",
                "<sip:alice@d;cause=302>;index=1.2;mp=1",
                "<tel:+15550100>;index=1.2.1;mp=1.2",
                "<sip:carol@other.example>;index=1.2.2;mp=1.2",
                "<sip:alice@d>;index=1.2.3;mp=1.2"));
        assertThat(entries).hasSize(6);
        assertThat(entries.get(1).recursed()).isTrue();
        assertThat(HistoryInfo.forwardedUsers(entries, "d", "alice")).containsExactly("bob", "alice");
        assertThat(HistoryInfo.forwardedUsers(entries, "d", "dave")).containsExactly("bob", "alice");
    }
}
