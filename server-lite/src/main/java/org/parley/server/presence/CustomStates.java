package org.parley.server.presence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.model.Availability;

/**
 * Admin-defined presence states (server setting {@code presence-custom-states}), e.g.
 * {@code Working from home=available;Out to lunch=away}: a label shown to watchers and the availability it shows as.
 */
public final class CustomStates {
    /** One custom state. */
    public record CustomState(String label, Availability availability) {
    }

    private static final Set<Availability> ALLOWED = Set.of(Availability.AVAILABLE, Availability.BUSY,
            Availability.DO_NOT_DISTURB, Availability.AWAY);
    private static final int MAX_LABEL = 64;

    private CustomStates() {
    }

    /** Parses the setting; blank or null is no custom states. Throws a CONFIGURATION error naming the bad entry. */
    public static List<CustomState> parse(String setting) {
        List<CustomState> out = new ArrayList<>();
        if (setting == null || setting.isBlank()) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (String entry : setting.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.lastIndexOf('=');
            String label = eq < 0 ? "" : entry.substring(0, eq).trim();
            String availability = eq < 0 ? "" : entry.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
            Availability a = ALLOWED.stream().filter(x -> x.wireName().equals(availability)).findFirst().orElse(null);
            if (label.isEmpty() || label.length() > MAX_LABEL || a == null) {
                throw new ParleyException(ErrorCode.CONFIGURATION, "setting 'presence-custom-states': bad entry '"
                        + entry.trim() + "' (use Label=availability, availability one of available, busy, do-not-disturb,"
                        + " away; labels up to " + MAX_LABEL + " characters; entries separated by ';')");
            }
            if (!seen.add(label.toLowerCase(Locale.ROOT))) {
                throw new ParleyException(ErrorCode.CONFIGURATION,
                        "setting 'presence-custom-states': label '" + label + "' appears twice");
            }
            out.add(new CustomState(label, a));
        }
        return List.copyOf(out);
    }
}
