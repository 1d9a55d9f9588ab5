package org.parley.core.client;

/**
 * Where a call can be sent by a forwarding rule or a redirect: nowhere, the user's (or another user's) voicemail, a
 * user of this domain (an AOR or a user name), or a telephone number (digits, optionally with a leading +).
 */
public record CallTarget(Kind kind, String value) {
    public enum Kind {
        NONE, VOICEMAIL, USER, NUMBER
    }

    public static final CallTarget NONE = new CallTarget(Kind.NONE, null);

    public CallTarget {
        if (kind == null) {
            throw new IllegalArgumentException("a call target needs a kind");
        }
        if ((kind == Kind.USER || kind == Kind.NUMBER) && (value == null || value.isBlank())) {
            throw new IllegalArgumentException(kind == Kind.USER ? "forward to which user?" : "forward to which number?");
        }
        if (kind == Kind.NUMBER && !value.strip().matches("\\+?[0-9][0-9 ().-]{0,30}")) {
            throw new IllegalArgumentException("not a telephone number: " + value);
        }
        if (kind == Kind.NONE || kind == Kind.VOICEMAIL) {
            value = null;
        } else {
            value = value.strip();
        }
    }

    /** The caller's own voicemail (the called user's mailbox). */
    public static CallTarget voicemail() {
        return new CallTarget(Kind.VOICEMAIL, null);
    }

    public static CallTarget user(String aorOrName) {
        return new CallTarget(Kind.USER, aorOrName);
    }

    public static CallTarget number(String digits) {
        return new CallTarget(Kind.NUMBER, digits);
    }
}
