package org.parley.client.conversation;

import javafx.scene.AccessibleRole;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Line;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.control.Tooltip;

/**
 * An emoticon drawn with shapes, about one line of text high, so it is sharp at any scale and needs no emoji font
 * (the Linux JavaFX builds draw no colour emoji, and this machine has no emoji font at all).
 */
public final class EmoticonGlyph extends Pane {
    private static final Color FACE = Color.web("#f6c343");
    private static final Color RIM = Color.web("#c99a1d");
    private static final Color INK = Color.web("#4d3800");

    public EmoticonGlyph(Emoticon e, double size) {
        getStyleClass().add("emoticon");
        setPrefSize(size, size);
        setMinSize(size, size);
        setMaxSize(size, size);
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        setAccessibleText(e.label());
        Tooltip.install(this, new Tooltip(e.label() + "  " + e.code()));
        double r = size / 2;
        switch (e) {
            case HEART -> getChildren().add(shape("M12 21 C5 15 2 12 2 8 C2 5 4.5 3 7 3 C9 3 11 4.5 12 6 "
                    + "C13 4.5 15 3 17 3 C19.5 3 22 5 22 8 C22 12 19 15 12 21 Z", Color.web("#e5484d"), size));
            case THUMBS_UP -> getChildren().add(shape("M7 10 L7 21 L3 21 L3 10 Z M9 10 L13 3 C15 3 15.5 4.5 15 6.5 "
                    + "L14 10 L20 10 C21.5 10 22 11.5 21.5 12.5 L19 19.5 C18.6 20.5 18 21 17 21 L9 21 Z",
                    FACE.darker(), size));
            case THUMBS_DOWN -> {
                SVGPath p = shape("M7 14 L7 3 L3 3 L3 14 Z M9 14 L13 21 C15 21 15.5 19.5 15 17.5 L14 14 L20 14 "
                        + "C21.5 14 22 12.5 21.5 11.5 L19 4.5 C18.6 3.5 18 3 17 3 L9 3 Z", FACE.darker(), size);
                getChildren().add(p);
            }
            case COFFEE -> getChildren().add(shape("M4 8 L17 8 L16 19 C16 20 15 21 14 21 L7 21 C6 21 5 20 5 19 Z "
                    + "M17 10 C21 10 21 15 16.5 15.5 L16.6 14 C19 13.6 19 11.5 17 11.6 Z", Color.web("#8b5a2b"),
                    size));
            default -> face(e, r);
        }
    }

    private static SVGPath shape(String d, Color fill, double size) {
        SVGPath p = new SVGPath();
        p.setContent(d);
        p.setFill(fill);
        double k = size / 24;
        p.setScaleX(k);
        p.setScaleY(k);
        p.setLayoutX((size - 24) / 2);
        p.setLayoutY((size - 24) / 2);
        return p;
    }

    private void face(Emoticon e, double r) {
        Circle head = new Circle(r, r, r - 0.5, FACE);
        head.setStroke(RIM);
        head.setStrokeWidth(Math.max(0.8, r / 10));
        getChildren().add(head);
        double eyeY = r * 0.75;
        double eyeDx = r * 0.38;
        double eye = Math.max(1, r * 0.13);
        if (e == Emoticon.WINK) {
            getChildren().add(new Circle(r - eyeDx, eyeY, eye, INK));
            getChildren().add(stroke(new Line(r + eyeDx - eye * 1.5, eyeY, r + eyeDx + eye * 1.5, eyeY), r));
        } else if (e == Emoticon.GRIN || e == Emoticon.SURPRISED) {
            getChildren().add(new Ellipse(r - eyeDx, eyeY, eye, eye * 1.4));
            getChildren().add(new Ellipse(r + eyeDx, eyeY, eye, eye * 1.4));
            getChildren().forEach(n -> {
                if (n instanceof Ellipse el) {
                    el.setFill(INK);
                }
            });
        } else {
            getChildren().add(new Circle(r - eyeDx, eyeY, eye, INK));
            getChildren().add(new Circle(r + eyeDx, eyeY, eye, INK));
        }
        double mouthY = r * 1.25;
        double w = r * 0.5;
        switch (e) {
            case SMILE, WINK -> getChildren().add(stroke(arc(r, r * 1.05, w, w * 0.8, 200, 140, ArcType.OPEN), r));
            case GRIN -> {
                Arc a = arc(r, r * 1.1, w * 1.1, w * 0.9, 180, 180, ArcType.CHORD);
                a.setFill(INK);
                getChildren().add(a);
            }
            case SAD, CRY -> {
                getChildren().add(stroke(arc(r, r * 1.7, w, w * 0.6, 30, 120, ArcType.OPEN), r));
                if (e == Emoticon.CRY) {
                    getChildren().add(new Ellipse(r - eyeDx, eyeY + eye * 3, eye * 0.9, eye * 1.6));
                    ((Ellipse) getChildren().get(getChildren().size() - 1)).setFill(Color.web("#4aa3df"));
                }
            }
            case TONGUE -> {
                getChildren().add(stroke(new Line(r - w, mouthY, r + w, mouthY), r));
                Arc t = arc(r + w * 0.3, mouthY, w * 0.4, w * 0.55, 180, 180, ArcType.ROUND);
                t.setFill(Color.web("#e5484d"));
                getChildren().add(t);
            }
            case SURPRISED -> {
                Ellipse o = new Ellipse(r, mouthY + r * 0.05, w * 0.4, w * 0.5);
                o.setFill(INK);
                getChildren().add(o);
            }
            default -> getChildren().add(stroke(new Line(r - w * 0.8, mouthY, r + w * 0.8, mouthY), r));
        }
    }

    private static Arc arc(double cx, double cy, double rx, double ry, double start, double length, ArcType type) {
        Arc a = new Arc(cx, cy, rx, ry, start, length);
        a.setType(type);
        a.setFill(null);
        return a;
    }

    private static javafx.scene.shape.Shape stroke(javafx.scene.shape.Shape s, double r) {
        s.setStroke(INK);
        s.setStrokeWidth(Math.max(1, r / 7));
        s.setStrokeLineCap(StrokeLineCap.ROUND);
        if (!(s instanceof Line)) {
            s.setFill(null);
        }
        return s;
    }
}
