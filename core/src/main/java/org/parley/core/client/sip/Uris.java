package org.parley.core.client.sip;

import java.util.Locale;

/** Addresses as users type them: {@code bob}, {@code bob@example.org} or a full URI. */
final class Uris {
    private Uris() {
    }

    static String normalize(String input, String domain) {
        String s = input.trim();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sip:") || lower.startsWith("sips:") || lower.startsWith("tel:")) {
            return s;
        }
        return s.contains("@") ? "sip:" + s : "sip:" + s + "@" + domain;
    }

    /** True for a server-hosted multiparty session ({@code sip:chat~ID@D}). */
    static boolean isSession(String uri) {
        return uri.toLowerCase(Locale.ROOT).startsWith("sip:chat~");
    }
}
