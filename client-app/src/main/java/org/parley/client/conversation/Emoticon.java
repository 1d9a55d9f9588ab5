package org.parley.client.conversation;

import java.util.List;

/**
 * The emoticons the Communicator draws as small pictures, each with the text codes people type for it (the first is
 * what the picker inserts) and a name for screen readers and tooltips.
 */
public enum Emoticon {
    SMILE("Smile", ":)", ":-)", "=)"),
    WINK("Wink", ";)", ";-)"),
    GRIN("Big smile", ":D", ":-D", "=D"),
    SAD("Sad", ":(", ":-("),
    CRY("Crying", ":'("),
    TONGUE("Tongue out", ":P", ":-P", ":p", ":-p"),
    SURPRISED("Surprised", ":O", ":-O", ":o", ":-o"),
    NEUTRAL("Neutral", ":|", ":-|"),
    HEART("Heart", "<3"),
    THUMBS_UP("Thumbs up", "(y)", "(Y)"),
    THUMBS_DOWN("Thumbs down", "(n)", "(N)"),
    COFFEE("Coffee", "(c)", "(C)");

    private final String label;
    private final List<String> codes;

    Emoticon(String label, String... codes) {
        this.label = label;
        this.codes = List.of(codes);
    }

    public String label() {
        return label;
    }

    public List<String> codes() {
        return codes;
    }

    /** What the picker inserts. */
    public String code() {
        return codes.get(0);
    }
}
