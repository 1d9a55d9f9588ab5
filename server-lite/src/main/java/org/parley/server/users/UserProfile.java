package org.parley.server.users;

import java.util.Locale;
import java.util.regex.Pattern;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;

/** A user's directory fields. The user name is the user part of their SIP address. */
public record UserProfile(String username, String displayName, String title, String department, String email,
                          String workPhone, String mobilePhone, String homePhone) {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public UserProfile {
        username = normalizeUsername(username);
        if (displayName == null || displayName.isBlank()) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "a display name is required");
        }
    }

    /** Lower-cases and checks a user name; rejects what cannot stand in a SIP URI's user part unescaped. */
    public static String normalizeUsername(String username) {
        if (username == null) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "a user name is required");
        }
        String u = username.trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(u).matches()) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT,
                    "invalid user name '" + username + "': use 1-64 of a-z 0-9 . _ - starting with a letter or digit");
        }
        return u;
    }
}
