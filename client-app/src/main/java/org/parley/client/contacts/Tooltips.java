package org.parley.client.contacts;

import javafx.scene.Node;
import javafx.scene.control.Tooltip;

/** Installs a tooltip once per node and only changes its text afterwards (cells are reused many times). */
final class Tooltips {
    private static final String KEY = "parley.tooltip";

    private Tooltips() {
    }

    static void set(Node node, String text) {
        Object t = node.getProperties().get(KEY);
        if (t instanceof Tooltip tip) {
            tip.setText(text);
        } else {
            Tooltip tip = new Tooltip(text);
            Tooltip.install(node, tip);
            node.getProperties().put(KEY, tip);
        }
    }
}
