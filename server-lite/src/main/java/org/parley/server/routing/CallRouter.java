package org.parley.server.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.parley.core.client.CallForwarding;
import org.parley.core.client.CallTarget;
import org.parley.core.client.DelegationService;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.PresenceState;
import org.parley.server.policy.AccessPolicy;
import org.parley.server.policy.Aors;
import org.parley.server.policy.PresenceStates;

/**
 * Decides where an INVITE for a local user goes (docs/protocol.md, "Call routing"), in this order: a Blocked caller is
 * refused (603); forward-all sends the call on; Do Not Disturb lets only Team (or Personal) callers ring and sends the
 * others to voicemail (486 without one); then the user's registered devices ring, with the simultaneous-ring extras;
 * nothing to ring goes to the unanswered target or voicemail (480 without). Forwarding follows the next user's own
 * rules, except for a user already on the call's path (a loop): that user's devices ring, nothing more.
 */
public final class CallRouter {
    /** RFC 4458 cause values put in History-Info for each kind of retargeting. */
    public static final int CAUSE_UNCONDITIONAL = 302;
    public static final int CAUSE_NO_ANSWER = 408;
    public static final int CAUSE_BUSY = 486;
    public static final int CAUSE_UNAVAILABLE = 404;
    /** At most this many forwardings on one call's path; further rules are not applied. */
    static final int MAX_FORWARDS = 5;

    /** The parts the router reads; each a plain function so tests can give their own. */
    public record Parts(String domain, Predicate<String> userExists, Function<String, List<String>> contactsOf,
                        ForwardingStore rules, AccessPolicy access, PresenceStates presence, VoicemailDesk voicemail,
                        LocalNumbers numbers, String gateway) {
    }

    private final Parts p;
    /** Each manager's call delegation (delegates as user names); {@link DelegationService.Settings#NONE} if none. */
    private final Function<String, DelegationService.Settings> delegations;

    public CallRouter(Parts parts) {
        this(parts, u -> DelegationService.Settings.NONE);
    }

    public CallRouter(Parts parts, Function<String, DelegationService.Settings> delegations) {
        this.p = parts;
        this.delegations = delegations;
    }

    /**
     * @param callee     local user name dialled (exists)
     * @param callerAor  normalized AOR of the caller (see {@link Aors})
     * @param forwarded  local user names earlier hops already forwarded away from (from History-Info)
     */
    public RoutePlan route(String callee, String callerAor, Set<String> forwarded) {
        return route(callee, callerAor, forwarded, null);
    }

    /**
     * {@link #route(String, String, Set)} for a call a transfer sent here: {@code referrer} (local user name from
     * Referred-By, or null) is one of the callee's delegates handing the call to the manager, so the delegates do
     * not ring again (whatever the ring mode, the manager's own devices ring).
     */
    public RoutePlan route(String callee, String callerAor, Set<String> forwarded, String referrer) {
        return plan(callee, callerAor, new HashSet<>(forwarded), List.of(new RoutePlan.Step(aor(callee), 0)), null, referrer);
    }

    /**
     * The next plan when {@code ring} was not answered: after its seconds ({@code timedOut}) or when every leg failed
     * without a decline (devices unreachable). Empty when there is nothing to do but give the caller the result.
     */
    public Optional<RoutePlan> unanswered(RoutePlan.Ring ring, boolean timedOut) {
        if (!ring.hasFallback()) {
            return Optional.empty();
        }
        Set<String> visited = new HashSet<>(ring.visited());
        visited.add(ring.owner());
        String reason = timedOut ? "no-answer" : "unavailable";
        int cause = timedOut ? CAUSE_NO_ANSWER : CAUSE_UNAVAILABLE;
        return Optional.ofNullable(toTarget(ring.unanswered(), ring.owner(), ring.caller(), visited, ring.path(), reason, cause));
    }

    private RoutePlan plan(String user, String caller, Set<String> visited, List<RoutePlan.Step> path, String reason,
                           String referrer) {
        AccessLevel level = p.access().levelFor(user, caller);
        if (level == AccessLevel.BLOCKED) {
            return new RoutePlan.Refuse(603, "Decline", "refused", reason);
        }
        boolean rulesApply = !visited.contains(user) && path.size() <= MAX_FORWARDS;
        CallForwarding rules = rulesApply ? p.rules().get(user) : CallForwarding.DEFAULT;
        Set<String> seen = new HashSet<>(visited);
        seen.add(user);
        if (rulesApply && rules.mode() == CallForwarding.Mode.FORWARD_ALL) {
            RoutePlan next = toTarget(rules.forwardTo(), user, caller, seen, path, "forward-all", CAUSE_UNCONDITIONAL);
            if (next != null) {
                return next;
            }
        }
        if (p.presence().stateOf(user) == PresenceState.DO_NOT_DISTURB && !level.atLeast(AccessLevel.TEAM)) {
            if (p.voicemail().hasMailbox(user)) {
                return new RoutePlan.Voicemail(user, "dnd", "dnd", path);
            }
            return new RoutePlan.Refuse(486, "Busy Here", "busy", "dnd");
        }
        List<RoutePlan.Leg> legs = new ArrayList<>();
        addContacts(legs, user, path);
        String ringReason = reason;
        if (rulesApply && rules.mode() == CallForwarding.Mode.SIMULTANEOUS_RING) {
            int before = legs.size();
            addSimRing(legs, rules, user, caller, seen, path);
            if (legs.size() > before && ringReason == null) {
                ringReason = "simultaneous-ring";
            }
        }
        List<RoutePlan.Leg> later = new ArrayList<>();
        int laterSeconds = 0;
        if (rulesApply) {
            DelegationService.Settings delegation = delegations.apply(user);
            boolean handedBack = referrer != null && delegation.delegates().contains(referrer);
            List<RoutePlan.Leg> delegates = handedBack ? List.of() : delegateLegs(delegation, user, caller, seen, path);
            if (!delegates.isEmpty()) {
                switch (delegation.mode()) {
                    case DELEGATES_ONLY -> {
                        legs.clear();
                        legs.addAll(delegates);
                    }
                    case AFTER_DELAY -> {
                        if (legs.isEmpty()) {
                            legs.addAll(delegates);
                        } else {
                            later.addAll(delegates);
                            laterSeconds = delegation.delaySeconds();
                        }
                    }
                    default -> legs.addAll(delegates);
                }
            }
        }
        CallTarget unanswered = rulesApply ? rules.unansweredTarget() : CallForwarding.DEFAULT.unansweredTarget();
        int seconds = rulesApply ? rules.unansweredSeconds() : CallForwarding.DEFAULT.unansweredSeconds();
        if (legs.isEmpty()) {
            if (unanswered.kind() == CallTarget.Kind.USER || unanswered.kind() == CallTarget.Kind.NUMBER) {
                RoutePlan next = toTarget(unanswered, user, caller, seen, path, "unavailable", CAUSE_UNAVAILABLE);
                if (next != null) {
                    return next;
                }
            }
            if (p.voicemail().hasMailbox(user)) {
                return new RoutePlan.Voicemail(user, "unavailable", reason, path);
            }
            return new RoutePlan.Refuse(480, "Temporarily Unavailable", "unavailable", reason);
        }
        RoutePlan.Ring ring = new RoutePlan.Ring(user, legs, seconds, unanswered, caller, visited, ringReason, path,
                later, laterSeconds);
        if (!later.isEmpty() && seconds > 0 && seconds <= laterSeconds && unanswered(ring, true).isPresent()) {
            // the unanswered rule counts from the first ring and takes the call before the delay is over: the
            // delegates never ring (docs/protocol.md, "Call delegation")
            return new RoutePlan.Ring(user, legs, seconds, unanswered, caller, visited, ringReason, path);
        }
        return ring;
    }

    /**
     * The registered contacts of {@code manager}'s delegates, each leg naming the manager; not the caller (a delegate
     * calling the manager) and nobody already on the call's path.
     */
    private List<RoutePlan.Leg> delegateLegs(DelegationService.Settings delegation, String manager, String caller,
                                             Set<String> seen, List<RoutePlan.Step> path) {
        List<RoutePlan.Leg> out = new ArrayList<>();
        for (String d : delegation.delegates()) {
            if (caller.equals(aor(d)) || seen.contains(d) || !p.userExists().test(d)) {
                continue;
            }
            for (String contact : p.contactsOf().apply(d)) {
                out.add(new RoutePlan.Leg(contact, d, with(path, aor(d), 0), manager));
            }
        }
        return out;
    }

    /** Where a rule of {@code owner} sends the call; null when the rule cannot apply (a loop, no mailbox). */
    private RoutePlan toTarget(CallTarget target, String owner, String caller, Set<String> visited,
                               List<RoutePlan.Step> path, String reason, int cause) {
        switch (target.kind()) {
            case VOICEMAIL:
                if (!p.voicemail().hasMailbox(owner)) {
                    return null;
                }
                return new RoutePlan.Voicemail(owner, reason, reason, path);
            case USER: {
                String local = localUser(target.value());
                if (local == null) {
                    String uri = target.value().contains(":") ? target.value() : "sip:" + target.value();
                    return new RoutePlan.Ring(owner, List.of(new RoutePlan.Leg(uri, null, with(path, uri, cause))), 0,
                            CallTarget.NONE, caller, visited, reason, with(path, uri, cause));
                }
                return toUser(local, caller, visited, path, reason, cause);
            }
            case NUMBER: {
                Optional<String> local = p.numbers().owner(target.value());
                if (local.isPresent()) {
                    return toUser(local.get(), caller, visited, path, reason, cause);
                }
                String tel = telUri(target.value());
                if (p.gateway() == null) {
                    return new RoutePlan.Refuse(404, "No route to number", "not-found", reason);
                }
                List<RoutePlan.Step> next = with(path, tel, cause);
                return new RoutePlan.Ring(owner, List.of(new RoutePlan.Leg(gatewayUri(target.value()), null, next)), 0,
                        CallTarget.NONE, caller, visited, reason, next);
            }
            default:
                return null;
        }
    }

    private RoutePlan toUser(String user, String caller, Set<String> visited, List<RoutePlan.Step> path, String reason,
                             int cause) {
        if (visited.contains(user)) {
            return null; // back to someone already on the path: the rule that would loop is not applied
        }
        if (!p.userExists().test(user)) {
            return null;
        }
        return plan(user, caller, visited, with(path, aor(user), cause), reason, null);
    }

    private void addContacts(List<RoutePlan.Leg> legs, String user, List<RoutePlan.Step> path) {
        for (String contact : p.contactsOf().apply(user)) {
            legs.add(new RoutePlan.Leg(contact, user, path));
        }
    }

    private void addSimRing(List<RoutePlan.Leg> legs, CallForwarding rules, String user, String caller, Set<String> seen,
                            List<RoutePlan.Step> path) {
        Set<String> ringing = new HashSet<>(seen);
        String number = rules.simRingNumber();
        if (number != null) {
            boolean isNumber = number.strip().matches("\\+?[0-9][0-9 ().-]{0,30}");
            String extra = isNumber ? p.numbers().owner(number).orElse(null) : localUser(number);
            if (extra != null && !caller.equals(aor(extra)) && ringing.add(extra)) {
                addContacts(legs, extra, with(path, aor(extra), 0));
            } else if (extra == null && isNumber && p.gateway() != null) {
                legs.add(new RoutePlan.Leg(gatewayUri(number), null, with(path, telUri(number), 0)));
            }
        }
        if (rules.simRingTeam()) {
            for (String member : rules.team()) {
                String m = localUser(member);
                if (m != null && !caller.equals(aor(m)) && ringing.add(m)) {
                    addContacts(legs, m, with(path, aor(m), 0));
                }
            }
        }
    }

    /** The local user name of a user target ("carol", "sip:carol@D"), or null for another domain. */
    String localUser(String value) {
        String v = value.strip();
        if (!v.contains(":") && !v.contains("@")) {
            return v.toLowerCase(Locale.ROOT);
        }
        String normalized = Aors.normalize(v.contains(":") ? v : "sip:" + v);
        String suffix = "@" + p.domain().toLowerCase(Locale.ROOT);
        if (normalized.startsWith("sip:") && normalized.endsWith(suffix)) {
            return normalized.substring(4, normalized.length() - suffix.length());
        }
        return null;
    }

    String aor(String user) {
        return Aors.of(user, p.domain());
    }

    private static List<RoutePlan.Step> with(List<RoutePlan.Step> path, String aor, int cause) {
        List<RoutePlan.Step> next = new ArrayList<>(path);
        next.add(new RoutePlan.Step(aor, cause));
        return next;
    }

    /** {@code tel:+15550100} / {@code tel:2001}: the number's digits, with + when it had one (or 00). */
    static String telUri(String number) {
        String s = number.strip();
        String digits = LocalNumbers.key(s);
        boolean global = s.startsWith("+") || (s.startsWith("00") && !digits.isEmpty());
        return "tel:" + (global ? "+" : "") + digits;
    }

    /** The gateway URI with the number as its user part and {@code user=phone}. */
    String gatewayUri(String number) {
        String gw = p.gateway();
        int colon = gw.indexOf(':');
        String scheme = gw.substring(0, colon + 1);
        String rest = gw.substring(colon + 1);
        int at = rest.indexOf('@');
        if (at >= 0) {
            rest = rest.substring(at + 1);
        }
        return scheme + telUri(number).substring(4) + "@" + rest + ";user=phone";
    }
}
