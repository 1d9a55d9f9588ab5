package org.parley.client.conversation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits message text into plain text, links (http/https/www./mailto written out in the text) and emoticon codes.
 * An emoticon counts only as a word of its own (":)" in "f(x:)" stays text), and nothing inside a link is an emoticon.
 */
public final class TextTokens {
    public enum Kind { TEXT, LINK, EMOTICON }

    /**
     * One piece: {@code target} is the URL to open for a LINK (with http:// added to a bare www. address); the
     * {@code emoticon} is set for an EMOTICON.
     */
    public record Token(Kind kind, String text, String target, Emoticon emoticon) {
    }

    private static final Pattern LINK = Pattern.compile(
            "(?i)\\b(?:https?://|www\\.|mailto:)[^\\s<>\"]+");
    private static final String TRAILING = ".,;:!?)]}'";
    private static final List<String[]> CODES = new ArrayList<>();

    static {
        for (Emoticon e : Emoticon.values()) {
            for (String c : e.codes()) {
                CODES.add(new String[]{c, e.name()});
            }
        }
        CODES.sort(Comparator.comparingInt((String[] c) -> c[0].length()).reversed());
    }

    private TextTokens() {
    }

    public static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        int pos = 0;
        while (m.find()) {
            String url = m.group();
            int end = m.end();
            while (!url.isEmpty() && TRAILING.indexOf(url.charAt(url.length() - 1)) >= 0
                    && !(url.endsWith(")") && url.contains("("))) {
                url = url.substring(0, url.length() - 1);
                end--;
            }
            if (url.length() <= "www.".length() || url.endsWith("://")) {
                continue;
            }
            emoticons(text.substring(pos, m.start()), pos == 0 || Character.isWhitespace(text.charAt(pos - 1)), out);
            String target = url.regionMatches(true, 0, "www.", 0, 4) ? "http://" + url : url;
            out.add(new Token(Kind.LINK, url, target, null));
            pos = end;
        }
        emoticons(text.substring(pos), pos == 0 || Character.isWhitespace(text.charAt(pos - 1)), out);
        return out;
    }

    private static void emoticons(String text, boolean wordStart, List<Token> out) {
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            String[] hit = null;
            if (i == 0 ? wordStart : Character.isWhitespace(text.charAt(i - 1))) {
                for (String[] c : CODES) {
                    int end = i + c[0].length();
                    if (text.startsWith(c[0], i) && (end == text.length() || boundary(text.charAt(end)))) {
                        hit = c;
                        break;
                    }
                }
            }
            if (hit == null) {
                plain.append(text.charAt(i++));
            } else {
                if (plain.length() > 0) {
                    out.add(new Token(Kind.TEXT, plain.toString(), null, null));
                    plain.setLength(0);
                }
                out.add(new Token(Kind.EMOTICON, hit[0], null, Emoticon.valueOf(hit[1])));
                i += hit[0].length();
            }
        }
        if (plain.length() > 0) {
            out.add(new Token(Kind.TEXT, plain.toString(), null, null));
        }
    }

    private static boolean boundary(char c) {
        return Character.isWhitespace(c) || ".,!?;".indexOf(c) >= 0;
    }
}
