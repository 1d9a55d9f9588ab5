package org.parley.attendant.console;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.input.MouseEvent;
import org.parley.attendant.contacts.ContactRow;

/**
 * Dragging calls and contacts onto one another for a conference, as a press-drag-release gesture inside the window
 * (works with a mouse and on a touch screen, no system drag and drop): a source names what it carries
 * ({@code call:ID} or {@code contact:URI}); a target is told what was released on it and shows {@code :drop-over}
 * while something hovers.
 */
final class ConferenceDrag {
    static final PseudoClass DROP_OVER = PseudoClass.getPseudoClass("drop-over");

    private String carried;

    /** Makes {@code node} a source of what {@code payload} says at the start of the drag (null: nothing to drag). */
    void source(Node node, Supplier<String> payload) {
        node.addEventHandler(MouseEvent.DRAG_DETECTED, e -> {
            String p = payload.get();
            if (p != null) {
                carried = p;
                node.startFullDrag();
                e.consume();
            }
        });
    }

    /** Makes {@code node} a target: {@code onDrop} gets what was released on it. */
    void target(Node node, Consumer<String> onDrop) {
        node.addEventHandler(MouseDragEvent.MOUSE_DRAG_ENTERED, e -> node.pseudoClassStateChanged(DROP_OVER, carried != null));
        node.addEventHandler(MouseDragEvent.MOUSE_DRAG_EXITED, e -> node.pseudoClassStateChanged(DROP_OVER, false));
        node.addEventHandler(MouseDragEvent.MOUSE_DRAG_RELEASED, e -> {
            node.pseudoClassStateChanged(DROP_OVER, false);
            String p = carried;
            carried = null;
            if (p != null) {
                onDrop.accept(p);
                e.consume();
            }
        });
    }

    /**
     * Makes the contacts of a pane (list cells and tiles that carry their {@link ContactRow} as user data) sources of
     * {@code contact:URI}, and targets: a call released on a contact is conferenced with it.
     */
    void contacts(Node pane, Function<String, Consumer<String>> dropOnContact) {
        pane.addEventFilter(MouseEvent.DRAG_DETECTED, e -> {
            ContactRow row = rowAt(e.getPickResult().getIntersectedNode(), pane);
            if (row != null) {
                carried = "contact:" + row.uri();
                ((Node) e.getSource()).startFullDrag();
                e.consume();
            }
        });
        pane.addEventFilter(MouseDragEvent.MOUSE_DRAG_RELEASED, e -> {
            ContactRow row = rowAt(e.getPickResult().getIntersectedNode(), pane);
            String p = carried;
            if (row != null && p != null && p.startsWith("call:")) {
                carried = null;
                dropOnContact.apply("contact:" + row.uri()).accept(p);
                e.consume();
            }
        });
    }

    /** The contact of the list cell or tile at {@code node}, looking up to {@code pane}. */
    private static ContactRow rowAt(Node node, Node pane) {
        for (Node n = node; n != null && n != pane; n = n.getParent()) {
            if (n.getUserData() instanceof ContactRow r) {
                return r;
            }
            if (n instanceof ListCell<?> cell && cell.getItem() instanceof ContactRow r) {
                return r;
            }
        }
        return null;
    }
}
