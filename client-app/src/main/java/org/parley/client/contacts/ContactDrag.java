package org.parley.client.contacts;

import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;

/**
 * What a contact dragged out of the list carries: its URI as plain text and as {@code application/x-parley-contact}
 * (the conversation window accepts the latter to invite). A DataFormat may be created once per JVM: use {@link #FORMAT}.
 */
public final class ContactDrag {
    public static final String MIME_TYPE = "application/x-parley-contact";
    public static final DataFormat FORMAT = lookupOrCreate();

    private ContactDrag() {
    }

    private static DataFormat lookupOrCreate() {
        DataFormat f = DataFormat.lookupMimeType(MIME_TYPE);
        return f != null ? f : new DataFormat(MIME_TYPE);
    }

    public static ClipboardContent content(String uri) {
        ClipboardContent c = new ClipboardContent();
        c.putString(uri);
        c.put(FORMAT, uri);
        return c;
    }
}
