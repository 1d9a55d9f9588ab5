package org.parley.server.contacts;

import org.parley.server.service.ServiceError;

/**
 * Phone numbers of phone contacts, stored as {@code tel:+digits} (a global number, RFC 3966).
 *
 * <p>Accepted: an optional {@code tel:} prefix, then an international number written with a leading {@code +} or
 * {@code 00}, digits and the separators space, {@code - . ( ) /}. So "+1 (555) 010-2000" becomes
 * {@code tel:+15550102000} and "00 44 20 7946 0000" becomes {@code tel:+442079460000}. A number without its
 * country code (no {@code +} or {@code 00}) is refused: the server cannot know which country it belongs to.
 * 3 to 15 digits (E.164).
 */
public final class PhoneNumbers {
    private PhoneNumbers() {
    }

    /** The {@code tel:+digits} form; {@link ServiceError} 400 with a readable message otherwise. */
    public static String normalize(String number) {
        if (number == null || number.isBlank()) {
            throw ServiceError.badRequest("a phone number is required");
        }
        String s = number.trim();
        if (s.regionMatches(true, 0, "tel:", 0, 4)) {
            s = s.substring(4).trim();
        }
        StringBuilder digits = new StringBuilder();
        boolean plus = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && digits.length() == 0 && !plus) {
                plus = true;
            } else if (" -.()/".indexOf(c) < 0) {
                throw ServiceError.badRequest("'" + number + "' is not a phone number (only digits, +, spaces and - . ( ) /)");
            }
        }
        if (!plus) {
            if (digits.length() > 2 && digits.charAt(0) == '0' && digits.charAt(1) == '0') {
                digits.delete(0, 2);
            } else {
                throw ServiceError.badRequest("write '" + number + "' with its country code, e.g. +1 555 010 2000 or 0044 20 7946 0000");
            }
        }
        if (digits.length() < 3 || digits.length() > 15) {
            throw ServiceError.badRequest("'" + number + "' is not a phone number (3 to 15 digits with the country code)");
        }
        return "tel:+" + digits;
    }

    /** The digits of any text ("+1 (555) 010" → "1555010"), for matching phone numbers in searches. */
    public static String digits(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                d.append(c);
            }
        }
        return d.toString();
    }
}
