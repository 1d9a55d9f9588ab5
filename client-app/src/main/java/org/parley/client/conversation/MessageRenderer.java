package org.parley.client.conversation;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Turns a message body into nodes: text/html through {@link HtmlCodec} (whitelisted styles, http/https/mailto links),
 * plain text as it is; links written in the text become clickable, emoticon codes become {@link EmoticonGlyph}s.
 * No markup is ever interpreted beyond that: a message cannot load anything or run anything.
 */
public final class MessageRenderer {
    private final Consumer<String> openLink;

    public MessageRenderer(Consumer<String> openLink) {
        this.openLink = openLink;
    }

    public TextFlow render(MessageItem m, double fontSize) {
        List<StyledRun> runs = m.isHtml() ? HtmlCodec.parse(m.text())
                : List.of(new StyledRun(m.text(), TextStyle.PLAIN));
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("message-text");
        for (StyledRun r : runs) {
            if (r.link() != null) {
                flow.getChildren().add(link(r.text(), r.link(), r.style()));
                continue;
            }
            for (TextTokens.Token t : TextTokens.tokenize(r.text())) {
                flow.getChildren().add(switch (t.kind()) {
                    case TEXT -> text(t.text(), r.style());
                    case LINK -> link(t.text(), t.target(), r.style());
                    case EMOTICON -> new EmoticonGlyph(t.emoticon(), Math.round(fontSize * 1.3));
                });
            }
        }
        return flow;
    }

    private static Node text(String s, TextStyle style) {
        Text t = new Text(s);
        t.getStyleClass().add("message-run");
        if (!style.isPlain()) {
            t.setStyle(style.toFxCss());
        }
        return t;
    }

    private Node link(String label, String target, TextStyle style) {
        Hyperlink h = new Hyperlink(label);
        h.getStyleClass().add("message-link");
        if (style.size() > 0 || style.bold() || style.italic() || style.family() != null) {
            h.setStyle(style.withColor(null).withUnderline(false).toFxCss().replace("-fx-fill", "-fx-text-fill"));
        }
        h.setTooltip(new Tooltip(target));
        h.setAccessibleText("Link " + target);
        h.setOnAction(e -> openLink.accept(target));
        return h;
    }
}
