package org.parley.core.msrp;

/**
 * The {@code Byte-Range} header of a SEND (RFC 4975 §7.1.1): first and last byte of this chunk (1-based, inclusive)
 * and the total size of the whole message. {@code -1} stands for {@code *} (unknown) in {@code end} and {@code total}.
 */
public record ByteRange(long start, long end, long total) {

    public ByteRange {
        if (start < 1 || (end != -1 && end < start - 1) || (total != -1 && total < 0)
                || (end != -1 && total != -1 && end > total)) {
            throw new IllegalArgumentException("bad byte range " + start + "-" + end + "/" + total);
        }
    }

    public static ByteRange parse(String value) throws MsrpException {
        String v = value.trim();
        int dash = v.indexOf('-');
        int slash = v.indexOf('/');
        if (dash <= 0 || slash < dash) {
            throw new MsrpException("malformed Byte-Range '" + value + "'");
        }
        try {
            long start = Long.parseLong(v.substring(0, dash));
            String e = v.substring(dash + 1, slash);
            String t = v.substring(slash + 1);
            return new ByteRange(start, "*".equals(e) ? -1 : Long.parseLong(e), "*".equals(t) ? -1 : Long.parseLong(t));
        } catch (IllegalArgumentException ex) {
            throw new MsrpException("malformed Byte-Range '" + value + "'", ex);
        }
    }

    @Override
    public String toString() {
        return start + "-" + (end < 0 ? "*" : Long.toString(end)) + "/" + (total < 0 ? "*" : Long.toString(total));
    }
}
