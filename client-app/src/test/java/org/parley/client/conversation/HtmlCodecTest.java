package org.parley.client.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlCodecTest {

    @Test
    void boldItalicUnderlineColourFontAndSizeAreRead() {
        List<StyledRun> runs = HtmlCodec.parse("plain <b>bold</b> <i>it</i> <u>un</u> "
                + "<span style=\"color: red; font-family: 'DejaVu Serif', serif; font-size: 12pt\">styled</span>");
        assertThat(runs).extracting(StyledRun::text).containsExactly("plain ", "bold", " ", "it", " ", "un", " ",
                "styled");
        assertThat(runs.get(1).style().bold()).isTrue();
        assertThat(runs.get(3).style().italic()).isTrue();
        assertThat(runs.get(5).style().underline()).isTrue();
        TextStyle s = runs.get(7).style();
        assertThat(s.color()).isEqualTo("#ff0000");
        assertThat(s.family()).isEqualTo("DejaVu Serif");
        assertThat(s.size()).isEqualTo(16);
    }

    @Test
    void scriptsHandlersAndUnsafeLinksAreDropped() {
        List<StyledRun> runs = HtmlCodec.parse("<script>alert(1)</script><img src=x onerror=alert(2)>"
                + "<a href=\"javascript:alert(3)\" onclick=\"x()\">click</a> <a href='https://parley.test/a?b=1&amp;c=2'>ok</a>"
                + "<style>body{}</style> <iframe src=\"https://evil\">frame text</iframe>");
        assertThat(HtmlCodec.plainText(runs)).isEqualTo("click ok frame text");
        assertThat(runs).filteredOn(r -> r.link() != null).extracting(StyledRun::text, StyledRun::link)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ok", "https://parley.test/a?b=1&c=2"));
    }

    @Test
    void unsafeCssValuesAreIgnored() {
        List<StyledRun> runs = HtmlCodec.parse("<span style=\"color: url(javascript:x); font-family: a;b{}; "
                + "background: red\">x</span>");
        assertThat(runs.get(0).style().color()).isNull();
        assertThat(runs.get(0).style().family()).isEqualTo("a");
    }

    @Test
    void blocksAndBreaksBecomeLinesAndEntitiesAreDecoded() {
        List<StyledRun> runs = HtmlCodec.parse("<p>one &amp; two</p><div>three<br>four&nbsp;&#x263A;</div>\n\n");
        assertThat(HtmlCodec.plainText(runs)).isEqualTo("one & two\nthree\nfour \u263A");
    }

    @Test
    void writtenHtmlReadsBackToTheSameRuns() {
        List<StyledRun> runs = List.of(new StyledRun("Hi ", TextStyle.PLAIN),
                new StyledRun("<there>", TextStyle.PLAIN.withBold(true).withColor("#0969da")),
                new StyledRun("\nsecond & line", TextStyle.PLAIN.withItalic(true).withUnderline(true)
                        .withFamily("DejaVu Sans").withSize(18)));
        String html = HtmlCodec.toHtml(runs);
        assertThat(html).doesNotContain("<there>");
        assertThat(HtmlCodec.parse(html)).isEqualTo(runs);
    }

    @Test
    void unstyledTextIsPlain() {
        assertThat(HtmlCodec.isPlain(List.of(new StyledRun("x", TextStyle.PLAIN)))).isTrue();
        assertThat(HtmlCodec.isPlain(HtmlCodec.parse("<b>x</b>"))).isFalse();
    }

    @Test
    void wordProcessorClipboardKeepsOnlyTheSafeSubset() {
        String clip = "<html><head><meta charset=utf-8><style>p{}</style></head><body><!--StartFragment-->"
                + "<p class=MsoNormal><font face=\"Liberation Mono\" color=\"#00ff00\" size=\"5\">code</font>"
                + " <strong>strong</strong></p><!--EndFragment--></body></html>";
        List<StyledRun> runs = HtmlCodec.parse(clip);
        assertThat(HtmlCodec.plainText(runs)).isEqualTo("code strong");
        assertThat(runs.get(0).style()).isEqualTo(new TextStyle(false, false, false, "#00ff00", "Liberation Mono",
                24));
        assertThat(runs.get(2).style().bold()).isTrue();
    }
}
