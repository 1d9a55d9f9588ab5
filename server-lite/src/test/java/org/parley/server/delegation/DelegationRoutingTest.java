package org.parley.server.delegation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.core.client.CallForwarding;
import org.parley.core.client.CallTarget;
import org.parley.core.client.DelegationService.RingMode;
import org.parley.core.client.DelegationService.Settings;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.PresenceState;
import org.parley.server.policy.PresenceStates;
import org.parley.server.routing.CallRouter;
import org.parley.server.routing.ForwardingStore;
import org.parley.server.routing.LocalNumbers;
import org.parley.server.routing.VoicemailDesk;
import org.parley.server.routing.RoutePlan;
import org.parley.server.store.Database;
import org.parley.server.store.SqliteDialect;
import org.parley.server.users.UserCredentials;
import org.parley.server.users.UserProfile;
import org.parley.server.users.UserRepository;

/** The plans the router makes for a manager's calls, from the delegation as stored (no SIP). */
class DelegationRoutingTest {
    private static final String D = "parley.test";
    private static final String CALLER = "sip:zoe@" + D;

    @TempDir
    Path data;
    private Database db;
    private DelegationStore store;
    private CallRouter router;
    /** Registered contacts by user; a user not listed has none. */
    private Map<String, List<String>> contacts;
    private ForwardingStore rules;
    /** Users with a mailbox (the voicemail desk is a stand-in). */
    private final Set<String> mailboxes = new java.util.HashSet<>();

    @BeforeEach
    void open() {
        db = Database.open(data, new SqliteDialect());
        UserRepository users = new UserRepository(db, Clock.systemUTC());
        for (String u : List.of("zoe", "boss", "amy", "ben", "carol")) {
            users.add(new UserProfile(u, u.toUpperCase(), null, null, null, null, null, null),
                    UserCredentials.fromPassword(u, D, "pw"));
        }
        contacts = new java.util.HashMap<>(Map.of("boss", List.of("sip:boss@127.0.0.1:5001"),
                "amy", List.of("sip:amy@127.0.0.1:5002"), "ben", List.of("sip:ben@127.0.0.1:5003", "sip:ben@127.0.0.1:5004"),
                "zoe", List.of("sip:zoe@127.0.0.1:5005"), "carol", List.of("sip:carol@127.0.0.1:5006")));
        store = new DelegationStore(db, Clock.systemUTC());
        PresenceStates available = new PresenceStates() {
            @Override
            public PresenceState stateOf(String user) {
                return PresenceState.AVAILABLE;
            }

            @Override
            public void addListener(Listener listener) {
            }
        };
        VoicemailDesk voicemail = new VoicemailDesk() {
            @Override
            public boolean hasMailbox(String user) {
                return mailboxes.contains(user);
            }

            @Override
            public void takeCall(javax.sip.ServerTransaction transaction, javax.sip.message.Request invite, String user,
                                 String reason) {
                throw new UnsupportedOperationException("plans only");
            }
        };
        rules = new ForwardingStore(db, Clock.systemUTC());
        router = new CallRouter(new CallRouter.Parts(D, users::exists, u -> contacts.getOrDefault(u, List.of()),
                rules, (owner, watcher) -> AccessLevel.COMPANY, available,
                voicemail, new LocalNumbers(db), null), store::get);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private RoutePlan.Ring route(String callee, String caller) {
        return (RoutePlan.Ring) router.route(callee, caller, Set.of());
    }

    @Test
    void withManagerEveryDelegateDeviceRingsNamingTheManager() {
        store.put("boss", new Settings(List.of("amy", "ben"), RingMode.WITH_MANAGER, 0));
        RoutePlan.Ring ring = route("boss", CALLER);
        assertThat(ring.legs()).extracting(l -> l.uri() + "/" + l.onBehalfOf()).containsExactly(
                "sip:boss@127.0.0.1:5001/null", "sip:amy@127.0.0.1:5002/boss", "sip:ben@127.0.0.1:5003/boss",
                "sip:ben@127.0.0.1:5004/boss");
        assertThat(ring.laterLegs()).isEmpty();
        assertThat(ring.legs().get(1).path()).extracting(s -> s.aor() + "/" + s.cause())
                .containsExactly("sip:boss@parley.test/0", "sip:amy@parley.test/0");
    }

    @Test
    void afterDelayTheDelegatesAreLaterLegsUnlessTheManagerHasNoDevice() {
        store.put("boss", new Settings(List.of("amy"), RingMode.AFTER_DELAY, 7));
        RoutePlan.Ring ring = route("boss", CALLER);
        assertThat(ring.legs()).extracting(RoutePlan.Leg::uri).containsExactly("sip:boss@127.0.0.1:5001");
        assertThat(ring.laterLegs()).extracting(RoutePlan.Leg::uri).containsExactly("sip:amy@127.0.0.1:5002");
        assertThat(ring.laterSeconds()).isEqualTo(7);

        contacts.remove("boss");
        RoutePlan.Ring alone = route("boss", CALLER);
        assertThat(alone.legs()).extracting(RoutePlan.Leg::uri).containsExactly("sip:amy@127.0.0.1:5002");
        assertThat(alone.laterLegs()).isEmpty();
    }

    @Test
    void delegatesOnlyRingsNoDeviceOfTheManagerWhileADelegateIsRegistered() {
        store.put("boss", new Settings(List.of("amy"), RingMode.DELEGATES_ONLY, 0));
        assertThat(route("boss", CALLER).legs()).extracting(RoutePlan.Leg::uri).containsExactly("sip:amy@127.0.0.1:5002");

        contacts.remove("amy");
        assertThat(route("boss", CALLER).legs()).extracting(RoutePlan.Leg::uri).containsExactly("sip:boss@127.0.0.1:5001");
    }

    @Test
    void aDelegateCallingTheManagerDoesNotRingThemself() {
        store.put("boss", new Settings(List.of("amy", "ben"), RingMode.WITH_MANAGER, 0));
        assertThat(route("boss", "sip:amy@" + D).legs()).extracting(RoutePlan.Leg::user).containsExactly("boss", "ben", "ben");
    }

    @Test
    void removingADelegateTakesEffectForTheNextCallAndTheirManagersList() {
        store.put("boss", new Settings(List.of("amy"), RingMode.WITH_MANAGER, 0));
        assertThat(store.isDelegate("boss", "amy")).isTrue();
        assertThat(store.managersOf("amy")).containsExactly("boss");
        store.put("boss", new Settings(List.of("ben"), RingMode.WITH_MANAGER, 0));
        assertThat(store.isDelegate("boss", "amy")).isFalse();
        assertThat(store.managersOf("amy")).isEmpty();
        assertThat(route("boss", CALLER).legs()).extracting(RoutePlan.Leg::user).containsExactly("boss", "ben", "ben");
        // and from the database, as after a restart
        assertThat(new DelegationStore(db, Clock.systemUTC()).get("boss").delegates()).containsExactly("ben");
    }

    @Test
    void aCallADelegateTransfersToTheManagerRingsOnlyTheManager() {
        store.put("boss", new Settings(List.of("amy", "ben"), RingMode.DELEGATES_ONLY, 0));
        RoutePlan.Ring ring = (RoutePlan.Ring) router.route("boss", CALLER, Set.of(), "amy");
        assertThat(ring.legs()).extracting(RoutePlan.Leg::uri).containsExactly("sip:boss@127.0.0.1:5001");
        // referred by someone who is not boss's delegate: the delegation applies
        RoutePlan.Ring other = (RoutePlan.Ring) router.route("boss", CALLER, Set.of(), "zoe");
        assertThat(other.legs()).extracting(RoutePlan.Leg::user).containsExactly("amy", "ben", "ben");
    }

    /**
     * AFTER_DELAY (delegates after N s) with the manager's "unanswered after M s" rule: M counts from the first ring;
     * the delegates join at N only if the rule does not take the call first (M > N, or the rule cannot apply: no
     * mailbox); when it can and M <= N they never ring. Columns: delay N, unanswered seconds M (0: the default rule,
     * voicemail after 20 s), its target (carol, voicemail, none), boss's mailbox, boss registered, then what rings
     * at once, what rings after N, and where the call goes after M.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            delegates at 5 s, carol at 10 s              | 5  | 10 | carol     | false | true  | boss | amy | ring carol
            delay equal to the rule: delegates never ring | 10 | 10 | carol     | false | true  | boss |     | ring carol
            delay longer than the rule: never ring       | 15 | 10 | carol     | false | true  | boss |     | ring carol
            default rule takes the call to voicemail     | 25 | 0  | voicemail | true  | true  | boss |     | voicemail boss
            default rule without a mailbox: delegates    | 25 | 0  | voicemail | false | true  | boss | amy | none
            no unanswered rule: delegates after the delay | 25 | 10 | none      | false | true  | boss | amy | none
            manager offline: delegates at once, then M   | 5  | 10 | carol     | false | false | amy  |     | ring carol
            """)
    void afterDelayMeetsTheUnansweredRule(String row, int delay, int seconds, String target, boolean mailbox,
                                          boolean bossOnline, String atOnce, String afterDelay, String afterRule) {
        store.put("boss", new Settings(List.of("amy"), RingMode.AFTER_DELAY, delay));
        if (seconds > 0) {
            CallTarget to = switch (target) {
                case "voicemail" -> CallTarget.voicemail();
                case "none" -> CallTarget.NONE;
                default -> CallTarget.user(target);
            };
            rules.put("boss", new CallForwarding(CallForwarding.Mode.OFF, CallTarget.NONE, null, false, List.of(), seconds, to));
        }
        if (mailbox) {
            mailboxes.add("boss");
        }
        if (!bossOnline) {
            contacts.remove("boss");
        }
        RoutePlan.Ring ring = route("boss", CALLER);
        assertThat(ring.legs()).extracting(RoutePlan.Leg::user).containsExactly(atOnce);
        if (afterDelay == null) {
            assertThat(ring.laterLegs()).as("the delegates never ring later").isEmpty();
        } else {
            assertThat(ring.laterLegs()).extracting(RoutePlan.Leg::user).containsExactly(afterDelay);
            assertThat(ring.laterSeconds()).isEqualTo(delay);
        }
        assertThat(ring.ringSeconds()).isEqualTo(seconds > 0 ? seconds : CallForwarding.DEFAULT_UNANSWERED_SECONDS);
        String next = router.unanswered(ring, true).map(p -> p instanceof RoutePlan.Ring r
                ? "ring " + r.legs().get(0).user() : p instanceof RoutePlan.Voicemail v ? "voicemail " + v.user()
                : "refuse").orElse("none");
        assertThat(next).as("after the rule's seconds").isEqualTo(afterRule);
    }
}
