package org.parley.client.forwarding;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.parley.core.client.CallForwarding;
import org.parley.core.client.CallTarget;

/** A forwarding rule in one line, as the main window's header shows it ("Calls forwarded to voicemail"). */
public final class ForwardingText {
    private ForwardingText() {
    }

    /** @param names display name for an address (null or blank: the address is shown) */
    public static String describe(CallForwarding rules, Function<String, String> names) {
        if (rules == null) {
            return "Call forwarding";
        }
        return switch (rules.mode()) {
            case OFF -> "Call forwarding off" + unanswered(rules, names);
            case FORWARD_ALL -> "Calls forwarded to " + target(rules.forwardTo(), names);
            case SIMULTANEOUS_RING -> "Calls also ring " + simRing(rules, names) + unanswered(rules, names);
        };
    }

    /** Where a target leads, in words: "voicemail", a name, a number, "nowhere". */
    public static String target(CallTarget t, Function<String, String> names) {
        return switch (t.kind()) {
            case NONE -> "nowhere";
            case VOICEMAIL -> "voicemail";
            case USER -> name(t.value(), names);
            case NUMBER -> t.value();
        };
    }

    private static String simRing(CallForwarding r, Function<String, String> names) {
        List<String> parts = new ArrayList<>();
        if (r.simRingNumber() != null) {
            parts.add(r.simRingNumber().matches("\\+?[0-9(][0-9 ().-]*") ? r.simRingNumber()
                    : name(r.simRingNumber(), names));
        }
        if (r.simRingTeam()) {
            parts.add("your team");
        }
        return parts.isEmpty() ? "nobody else" : String.join(" and ", parts);
    }

    private static String unanswered(CallForwarding r, Function<String, String> names) {
        return r.unansweredTarget().kind() == CallTarget.Kind.NONE ? ""
                : " · unanswered to " + target(r.unansweredTarget(), names) + " after " + r.unansweredSeconds() + " s";
    }

    private static String name(String aor, Function<String, String> names) {
        String n = aor == null ? null : names.apply(aor);
        if (n != null && !n.isBlank()) {
            return n;
        }
        return aor == null ? "" : aor.replaceFirst("^sips?:", "");
    }
}
