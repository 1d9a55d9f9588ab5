package org.parley.server.routing;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.parley.server.contacts.PhoneNumbers;
import org.parley.server.store.Database;

/**
 * Finds the local user a telephone number belongs to: a user whose directory work, mobile or home phone has the same
 * digits ("+1 (555) 010-2000" and "0015550102000" and "+15550102000" are one number). Read from the users table on
 * each call to a number (rare: forwarding targets), so directory changes apply at once.
 */
public final class LocalNumbers {
    private final Database db;

    public LocalNumbers(Database db) {
        this.db = db;
    }

    /** The user name owning {@code number}, if any (the first by user name when several share it). */
    public Optional<String> owner(String number) {
        String wanted = key(number);
        if (wanted.length() < 3) {
            return Optional.empty();
        }
        return db.read(conn -> {
            try (PreparedStatement s = conn.prepareStatement("SELECT username, work_phone, mobile_phone, home_phone FROM users"
                    + " WHERE work_phone IS NOT NULL OR mobile_phone IS NOT NULL OR home_phone IS NOT NULL ORDER BY username")) {
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        for (int i = 2; i <= 4; i++) {
                            String phone = rs.getString(i);
                            if (phone != null && key(phone).equals(wanted)) {
                                return Optional.of(rs.getString(1));
                            }
                        }
                    }
                    return Optional.empty();
                }
            }
        });
    }

    /** The digits of a number, an international {@code 00} prefix read as {@code +}. */
    static String key(String number) {
        String d = PhoneNumbers.digits(number);
        String s = number == null ? "" : number.strip();
        if (!s.startsWith("+") && !s.regionMatches(true, 0, "tel:+", 0, 5) && d.startsWith("00")) {
            d = d.substring(2);
        }
        return d;
    }
}
