package org.parley.server.routing;

import java.util.List;
import java.util.Set;
import org.parley.core.client.CallTarget;

/**
 * What the proxy does with an INVITE for a local user ({@link CallRouter#route}): refuse it, hand it to a
 * mailbox, or ring a set of legs (with what to do when nobody answers in time).
 */
public sealed interface RoutePlan {

    /**
     * One step of the call's path, for History-Info (RFC 7044) and the call record: the call was retargeted to
     * {@code aor} (a user AOR, or a number URI) with RFC 4458 {@code cause} (0 for the dialled target or a
     * simultaneous-ring extra).
     */
    record Step(String aor, int cause) {
    }

    /**
     * A branch to ring: {@code uri} (a registered contact, or a gateway URI for a number), {@code user} whose contact
     * it is (null for a gateway leg), {@code path} the retargeting steps that led to it (the dialled user first),
     * {@code onBehalfOf} the manager (user name) when the leg rings a delegate for a manager's call, else null.
     */
    record Leg(String uri, String user, List<Step> path, String onBehalfOf) {
        public Leg {
            path = List.copyOf(path);
        }

        public Leg(String uri, String user, List<Step> path) {
            this(uri, user, path, null);
        }
    }

    /** Answer the INVITE with {@code status} and {@code reason}; {@code outcome} names it in the call record. */
    record Refuse(int status, String reason, String outcome, String forwardingReason) implements RoutePlan {
    }

    /**
     * Hand the call to {@code user}'s mailbox with VoicemailDesk reason {@code reason}; {@code forwardingReason} is
     * null when the call went to voicemail where it was dialled (no endpoint) or the forwarding that sent it there.
     */
    record Voicemail(String user, String reason, String forwardingReason, List<Step> path) implements RoutePlan {
        public Voicemail {
            path = List.copyOf(path);
        }
    }

    /**
     * Ring {@code legs} together. After {@code ringSeconds} unanswered (or when every leg failed without a user's
     * decision) the proxy asks {@link CallRouter#unanswered} for the next plan, given {@code owner} (whose rule it is),
     * {@code unanswered} the target of that rule and {@code visited} the users already on the call's path.
     * {@code laterLegs} join the ringing after {@code laterSeconds} (a manager's delegates, call delegation
     * AFTER_DELAY); empty otherwise.
     */
    record Ring(String owner, List<Leg> legs, int ringSeconds, CallTarget unanswered, String caller, Set<String> visited,
                String forwardingReason, List<Step> path, List<Leg> laterLegs, int laterSeconds) implements RoutePlan {
        public Ring {
            legs = List.copyOf(legs);
            visited = Set.copyOf(visited);
            path = List.copyOf(path);
            laterLegs = List.copyOf(laterLegs);
        }

        public Ring(String owner, List<Leg> legs, int ringSeconds, CallTarget unanswered, String caller, Set<String> visited,
                    String forwardingReason, List<Step> path) {
            this(owner, legs, ringSeconds, unanswered, caller, visited, forwardingReason, path, List.of(), 0);
        }

        /** Whether anything happens when the call is not answered in time. */
        public boolean hasFallback() {
            return unanswered.kind() != CallTarget.Kind.NONE;
        }

        /** Whether the call left the dialled user's own devices (the proxy then sends 181). */
        public boolean forwarded() {
            return forwardingReason != null;
        }
    }
}
