package org.parley.server.reception;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * How the reception line behaves (stored in {@code reception_setting}, set with {@code parley admin reception set};
 * defaults in docs/configuration.md): its user part, how attendants are picked, when and where a caller overflows,
 * the repeat-caller window, what callers hear while queued and how long all attendants ring at once.
 */
public record ReceptionSettings(String address, Distribution distribution, Duration overflowAfter, String overflowTarget,
                                Duration repeatWindow, String music, Duration ringFor) {
    /** Which free attendant gets the caller at the head of the queue. */
    public enum Distribution {
        /** The free attendant whose last reception call (or last call seen) ended longest ago. */
        LONGEST_IDLE,
        /** The first free attendant in the order given to set-attendants. */
        IN_ORDER,
        /** Every free attendant rings at once (the proxy forks to them); the first to answer gets the caller. */
        ALL;

        static Distribution parse(String s) {
            return valueOf(s.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public static final String ADDRESS = "address";
    public static final String DISTRIBUTION = "distribution";
    public static final String OVERFLOW_SECONDS = "overflow-seconds";
    public static final String OVERFLOW_TARGET = "overflow-target";
    public static final String REPEAT_MINUTES = "repeat-minutes";
    public static final String MUSIC = "music";
    public static final String RING_SECONDS = "ring-seconds";
    /** The shortest and longest ring of distribution {@code all} that can be set. */
    static final int MIN_RING_SECONDS = 5;
    static final int MAX_RING_SECONDS = 300;
    /** Setting names with their defaults, in documentation order. */
    public static final Map<String, String> DEFAULTS = Map.of(ADDRESS, "reception", DISTRIBUTION, "longest-idle",
            OVERFLOW_SECONDS, "60", OVERFLOW_TARGET, "", REPEAT_MINUTES, "60", MUSIC, "", RING_SECONDS, "30");

    public static ReceptionSettings defaults() {
        return of(Map.of());
    }

    /** Settings from stored values (missing ones get their default); throws IllegalArgumentException for a bad one. */
    public static ReceptionSettings of(Map<String, String> values) {
        java.util.function.Function<String, String> v = k -> values.getOrDefault(k, DEFAULTS.get(k)).strip();
        long overflow = Long.parseLong(v.apply(OVERFLOW_SECONDS));
        long repeat = Long.parseLong(v.apply(REPEAT_MINUTES));
        if (overflow < 0 || repeat < 0) {
            throw new IllegalArgumentException("overflow-seconds and repeat-minutes must be 0 or more");
        }
        long ring = Long.parseLong(v.apply(RING_SECONDS));
        if (ring < MIN_RING_SECONDS || ring > MAX_RING_SECONDS) {
            throw new IllegalArgumentException("ring-seconds must be from " + MIN_RING_SECONDS + " to "
                    + MAX_RING_SECONDS);
        }
        String target = v.apply(OVERFLOW_TARGET);
        if (!target.isEmpty() && !target.matches("(voicemail|user):[^\\s]+")) {
            throw new IllegalArgumentException("overflow-target is voicemail:USER or user:USER (or empty)");
        }
        String address = v.apply(ADDRESS).toLowerCase(Locale.ROOT);
        if (!address.matches("[a-z0-9._-]+")) {
            throw new IllegalArgumentException("address is a user part, e.g. reception");
        }
        return new ReceptionSettings(address, Distribution.parse(v.apply(DISTRIBUTION)), Duration.ofSeconds(overflow),
                target, Duration.ofMinutes(repeat), v.apply(MUSIC), Duration.ofSeconds(ring));
    }

    /** The Refer-To URI of the overflow target in {@code domain}; null when there is none. */
    public String overflowUri(String domain) {
        if (overflowTarget.isEmpty()) {
            return null;
        }
        String[] kind = overflowTarget.split(":", 2);
        return "voicemail".equals(kind[0]) ? "sip:voicemail@" + domain + ";mailbox=" + kind[1] : "sip:" + kind[1] + "@" + domain;
    }

    /** Checks one value the way {@link #of} would; throws IllegalArgumentException naming the problem. */
    public static void validate(String name, String value) {
        if (!DEFAULTS.containsKey(name)) {
            throw new IllegalArgumentException("unknown setting " + name + " (known: " + String.join(", ",
                    new java.util.TreeSet<>(DEFAULTS.keySet())) + ")");
        }
        try {
            of(Map.of(name, value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number");
        }
    }
}
