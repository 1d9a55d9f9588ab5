package org.parley.client.conversation;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.fxmisc.richtext.StyledTextArea;
import org.fxmisc.richtext.model.Paragraph;
import org.fxmisc.richtext.model.StyledSegment;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.core.im.SafeHtml;

/**
 * The rich-text compose box (RichTextFX) and its formatting bar: bold, italic, underline (Ctrl+B/I/U), colour,
 * font family and size. Enter sends, Shift+Enter starts a new line. Pasted HTML keeps the safe subset only.
 */
final class ComposeEditor {
    static final String DEFAULT = "Default";
    private static final List<String> SIZES = List.of(DEFAULT, "10", "12", "14", "16", "18", "24", "32");

    private final Area area = new Area();
    private final ToggleButton bold = toggle(Feather.BOLD, "Bold (Ctrl+B)");
    private final ToggleButton italic = toggle(Feather.ITALIC, "Italic (Ctrl+I)");
    private final ToggleButton underline = toggle(Feather.UNDERLINE, "Underline (Ctrl+U)");
    private final ColorPicker color = new ColorPicker();
    private final ComboBox<String> family = new ComboBox<>();
    private final ComboBox<String> size = new ComboBox<>();
    private final HBox toolbar;
    private Runnable onSend = () -> { };
    private Runnable tabForward = () -> { };
    private Runnable tabBack = () -> { };
    private boolean syncing;

    ComposeEditor() {
        area.getStyleClass().add("compose-area");
        area.setWrapText(true);
        area.setAccessibleText("Message");
        area.setUseInitialStyleForInsertion(false);
        bold.setOnAction(e -> apply(s -> s.withBold(bold.isSelected())));
        italic.setOnAction(e -> apply(s -> s.withItalic(italic.isSelected())));
        underline.setOnAction(e -> apply(s -> s.withUnderline(underline.isSelected())));
        color.getStyleClass().addAll("button", "compose-color");
        color.setValue(null);
        color.setAccessibleText("Text colour");
        color.setTooltip(new Tooltip("Text colour"));
        color.setOnAction(e -> apply(s -> s.withColor(color.getValue() == null ? null : hex(color.getValue()))));
        family.getItems().add(DEFAULT);
        Font.getFamilies().stream().filter(f -> f.matches("[A-Za-z0-9 \\-]{1,48}")).forEach(family.getItems()::add);
        family.setValue(DEFAULT);
        family.setAccessibleText("Font");
        family.setTooltip(new Tooltip("Font"));
        family.setPrefWidth(140);
        family.setMinWidth(90);
        family.setOnAction(e -> apply(s -> s.withFamily(DEFAULT.equals(family.getValue()) ? null : family.getValue())));
        size.getItems().addAll(SIZES);
        size.setValue(DEFAULT);
        size.setAccessibleText("Font size");
        size.setTooltip(new Tooltip("Font size"));
        size.setOnAction(e -> apply(s -> s.withSize(DEFAULT.equals(size.getValue()) || size.getValue() == null ? 0
                : Integer.parseInt(size.getValue()))));
        toolbar = new HBox(4, bold, italic, underline, color, family, size);
        toolbar.getStyleClass().add("compose-toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);
        area.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        area.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> area.setTextInsertionStyle(null));
        area.caretPositionProperty().addListener((o, a, b) -> syncToolbar());
    }

    StyledTextArea<Void, TextStyle> area() {
        return area;
    }

    HBox toolbar() {
        return toolbar;
    }

    void setOnSend(Runnable r) {
        onSend = r;
    }

    /** Tab and Shift+Tab leave the box (it holds no tab characters), so the keyboard reaches every control. */
    void setTabTargets(Runnable forward, Runnable back) {
        tabForward = forward;
        tabBack = back;
    }

    boolean isEmpty() {
        return area.getText().isBlank();
    }

    void clear() {
        area.clear();
        area.setTextInsertionStyle(null);
        syncToolbar();
    }

    void insert(String text) {
        area.replaceSelection(text);
        area.requestFocus();
    }

    /** The content as runs; paragraphs are joined with line breaks. */
    List<StyledRun> content() {
        List<StyledRun> runs = new ArrayList<>();
        List<Paragraph<Void, String, TextStyle>> pars = area.getParagraphs();
        for (int p = 0; p < pars.size(); p++) {
            if (p > 0) {
                runs.add(new StyledRun("\n", TextStyle.PLAIN));
            }
            for (StyledSegment<String, TextStyle> seg : pars.get(p).getStyledSegments()) {
                if (!seg.getSegment().isEmpty()) {
                    runs.add(new StyledRun(seg.getSegment(), seg.getStyle()));
                }
            }
        }
        return runs;
    }

    /** Shows the content of runs (used for pasting and by tests). */
    void insertRuns(List<StyledRun> runs) {
        int pos = area.getSelection().getStart();
        area.replaceSelection("");
        for (StyledRun r : runs) {
            area.insertText(pos, r.text());
            area.setStyle(pos, pos + r.text().length(), r.style());
            pos += r.text().length();
        }
        area.moveTo(pos);
    }

    private void keys(KeyEvent e) {
        if (e.getCode() == KeyCode.TAB && !e.isShortcutDown()) {
            e.consume();
            (e.isShiftDown() ? tabBack : tabForward).run();
        } else if (e.getCode() == KeyCode.ENTER) {
            e.consume();
            if (e.isShiftDown()) {
                area.replaceSelection("\n");
            } else {
                onSend.run();
            }
        } else if (e.isShortcutDown() && !e.isAltDown() && (e.getCode() == KeyCode.B || e.getCode() == KeyCode.I
                || e.getCode() == KeyCode.U)) {
            e.consume();
            ToggleButton t = e.getCode() == KeyCode.B ? bold : e.getCode() == KeyCode.I ? italic : underline;
            t.fire();
        } else if (e.getCode().isNavigationKey()) {
            area.setTextInsertionStyle(null);
        }
    }

    /** Applies a change to the selection, or to what is typed next when nothing is selected. */
    private void apply(java.util.function.UnaryOperator<TextStyle> change) {
        if (syncing) {
            return;
        }
        var sel = area.getSelection();
        if (sel.getLength() > 0) {
            area.setStyleSpans(sel.getStart(), area.getStyleSpans(sel.getStart(), sel.getEnd()).mapStyles(change));
        } else {
            area.setTextInsertionStyle(change.apply(current()));
        }
        area.requestFocus();
    }

    private TextStyle current() {
        TextStyle pending = area.getTextInsertionStyle();
        if (pending != null) {
            return pending;
        }
        int caret = area.getCaretPosition();
        return caret == 0 ? TextStyle.PLAIN : area.getStyleOfChar(caret - 1);
    }

    private void syncToolbar() {
        TextStyle s = current();
        syncing = true;
        bold.setSelected(s.bold());
        italic.setSelected(s.italic());
        underline.setSelected(s.underline());
        color.setValue(s.color() == null ? null : Color.web(s.color()));
        family.setValue(s.family() == null ? DEFAULT : s.family());
        size.setValue(s.size() == 0 ? DEFAULT : String.valueOf(s.size()));
        syncing = false;
    }

    static String hex(Color c) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    private static ToggleButton toggle(Feather icon, String name) {
        ToggleButton b = new ToggleButton(null, new FontIcon(icon));
        b.getStyleClass().addAll("compose-format", "flat");
        b.setAccessibleText(name);
        b.setTooltip(new Tooltip(name));
        b.setFocusTraversable(true);
        return b;
    }

    /** Pasted text: HTML reduced to the subset (near-black and near-white colours dropped so both themes read). */
    private final class Area extends StyledTextArea<Void, TextStyle> {
        Area() {
            super(null, (flow, p) -> { }, TextStyle.PLAIN, (text, style) -> text.setStyle(style.toFxCss()));
        }

        @Override
        public void paste() {
            Clipboard clip = Clipboard.getSystemClipboard();
            if (clip.hasHtml()) {
                List<StyledRun> runs = new ArrayList<>();
                for (StyledRun r : HtmlCodec.parse(SafeHtml.sanitize(clip.getHtml()))) {
                    TextStyle s = r.style();
                    if (s.color() != null && (s.color().equals("#000000") || s.color().equals("#ffffff"))) {
                        s = s.withColor(null);
                    }
                    runs.add(new StyledRun(r.text(), s));
                }
                insertRuns(runs);
            } else if (clip.hasString()) {
                replaceSelection(clip.getString());
            }
        }
    }
}
