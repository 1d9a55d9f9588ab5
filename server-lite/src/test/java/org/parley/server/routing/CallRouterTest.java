package org.parley.server.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.client.CallForwarding;
import org.parley.core.client.CallForwarding.Mode;
import org.parley.core.client.CallTarget;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.PresenceState;
import org.parley.server.policy.PresenceStates;
import org.parley.server.store.Database;
import org.parley.server.store.SqliteDialect;
import org.parley.server.users.UserCredentials;
import org.parley.server.users.UserProfile;
import org.parley.server.users.UserRepository;

/** Routing decisions that the end-to-end table does not reach: longer loops, the forwarding limit, gateway URIs. */
class CallRouterTest {
    private static final String D = "parley.test";
    private static final String CALLER = "sip:zoe@" + D;

    @TempDir
    Path data;
    private Database db;
    private ForwardingStore rules;
    private CallRouter router;

    @BeforeEach
    void open() {
        db = Database.open(data, new SqliteDialect());
        UserRepository users = new UserRepository(db, Clock.systemUTC());
        for (String u : List.of("zoe", "u0", "u1", "u2", "u3", "u4", "u5", "u6", "u7")) {
            users.add(new UserProfile(u, u.toUpperCase(), null, null, null, null, null, null),
                    UserCredentials.fromPassword(u, D, "pw"));
        }
        rules = new ForwardingStore(db, Clock.systemUTC());
        PresenceStates available = new PresenceStates() {
            @Override
            public PresenceState stateOf(String user) {
                return PresenceState.AVAILABLE;
            }

            @Override
            public void addListener(Listener listener) {
            }
        };
        router = new CallRouter(new CallRouter.Parts(D, users::exists, u -> List.of("sip:" + u + "@127.0.0.1:5999"), rules,
                (owner, watcher) -> AccessLevel.COMPANY, available, new NoVoicemail(), new LocalNumbers(db),
                "sip:gw.example.com:5080;transport=tcp"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void forwardAll(String from, String to) {
        rules.put(from, new CallForwarding(Mode.FORWARD_ALL, CallTarget.user("sip:" + to + "@" + D), null, false, List.of(),
                20, CallTarget.NONE));
    }

    @Test
    void aThreeUserForwardingRingStopsAtTheUserWhoWouldCloseIt() {
        forwardAll("u0", "u1");
        forwardAll("u1", "u2");
        forwardAll("u2", "u0");
        RoutePlan plan = router.route("u0", CALLER, Set.of());
        assertThat(plan).isInstanceOf(RoutePlan.Ring.class);
        RoutePlan.Ring ring = (RoutePlan.Ring) plan;
        assertThat(ring.owner()).isEqualTo("u2");
        assertThat(ring.legs()).extracting(RoutePlan.Leg::uri).containsExactly("sip:u2@127.0.0.1:5999");
        assertThat(ring.path()).extracting(s -> s.aor() + "/" + s.cause())
                .containsExactly("sip:u0@parley.test/0", "sip:u1@parley.test/302", "sip:u2@parley.test/302");
        assertThat(ring.forwardingReason()).isEqualTo("forward-all");
    }

    @Test
    void aUserTheIncomingHistoryInfoShowsForwardedAwayFromIsNotForwardedToAgain() {
        forwardAll("u1", "u0");
        RoutePlan.Ring ring = (RoutePlan.Ring) router.route("u1", CALLER, Set.of("u0"));
        assertThat(ring.owner()).isEqualTo("u1");
        assertThat(ring.forwardingReason()).isNull();
    }

    @Test
    void atMostFiveForwardingsAreFollowed() {
        for (int i = 0; i < 7; i++) {
            forwardAll("u" + i, "u" + (i + 1));
        }
        RoutePlan.Ring ring = (RoutePlan.Ring) router.route("u0", CALLER, Set.of());
        assertThat(ring.owner()).isEqualTo("u5");
        assertThat(ring.path()).hasSize(6);
    }

    @Test
    void anOutsideNumberGoesToTheGatewayWithTheNumberAsUserPart() {
        rules.put("u0", new CallForwarding(Mode.FORWARD_ALL, CallTarget.number("0044 20 7946 0000"), null, false, List.of(),
                20, CallTarget.NONE));
        RoutePlan.Ring ring = (RoutePlan.Ring) router.route("u0", CALLER, Set.of());
        assertThat(ring.legs()).extracting(RoutePlan.Leg::uri)
                .containsExactly("sip:+442079460000@gw.example.com:5080;transport=tcp;user=phone");
        assertThat(ring.path().get(1).aor()).isEqualTo("tel:+442079460000");
        assertThat(ring.hasFallback()).isFalse();
    }

    @Test
    void unansweredToAUserIsTheNextPlanAndNothingWhenItWouldLoopBack() {
        rules.put("u0", new CallForwarding(Mode.OFF, CallTarget.NONE, null, false, List.of(), 5, CallTarget.user("u1")));
        RoutePlan.Ring first = (RoutePlan.Ring) router.route("u0", CALLER, Set.of());
        assertThat(first.ringSeconds()).isEqualTo(5);
        RoutePlan.Ring next = (RoutePlan.Ring) router.unanswered(first, true).orElseThrow();
        assertThat(next.owner()).isEqualTo("u1");
        assertThat(next.path().get(1).cause()).isEqualTo(CallRouter.CAUSE_NO_ANSWER);

        rules.put("u1", new CallForwarding(Mode.OFF, CallTarget.NONE, null, false, List.of(), 5, CallTarget.user("u0")));
        assertThat(router.unanswered(next, true)).as("u1's unanswered rule would send the call back to u0").isEmpty();
    }
}
