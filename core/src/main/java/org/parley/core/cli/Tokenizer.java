package org.parley.core.cli;

import java.util.ArrayList;
import java.util.List;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;

/** Splits a command line into words: blanks separate, "double quotes" group, backslash escapes inside quotes. */
final class Tokenizer {
    private Tokenizer() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = null;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < line.length()) {
                    cur.append(line.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                if (cur == null) {
                    cur = new StringBuilder();
                }
            } else if (Character.isWhitespace(c)) {
                if (cur != null) {
                    words.add(cur.toString());
                    cur = null;
                }
            } else {
                if (cur == null) {
                    cur = new StringBuilder();
                }
                cur.append(c);
            }
        }
        if (quoted) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "unterminated quote");
        }
        if (cur != null) {
            words.add(cur.toString());
        }
        return words;
    }
}
