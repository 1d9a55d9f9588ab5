package org.parley.core.im;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeHtmlTest {

    @Test
    void theAllowedFormattingPassesUnchanged() {
        String html = "<b>bold</b> <strong>strong</strong> <i>i</i> <em>em</em> <u>u</u> <s>s</s><br />"
                + "<p>para</p><div>block</div><ul><li>one</li></ul><ol><li>two</li></ol>";
        assertThat(SafeHtml.sanitize(html)).isEqualTo(html);
    }

    @Test
    void spanKeepsOnlyTheTextStylesAndOtherElementsLoseTheirStyle() {
        String out = SafeHtml.sanitize("<span style=\"color:#ff0000;font-family:'Noto Sans';font-size:14px;"
                + "font-weight:bold;font-style:italic;text-decoration:underline;position:fixed;top:0;"
                + "background-image:url(http://evil.example/x.png)\">hi</span><p style=\"color:red\">para</p>");
        assertThat(out).startsWith("<span style=\"").contains("color:#ff0000").contains("font-family:")
                .containsIgnoringCase("noto sans").contains("font-size:14px").contains("font-weight:bold")
                .contains("font-style:italic").contains("text-decoration:underline").contains(">hi</span>")
                .doesNotContain("position").doesNotContain("top:").doesNotContain("url(").doesNotContain("evil")
                .contains("<p>para</p>");
    }

    @Test
    void linksKeepHttpHttpsAndMailtoAndGetARelThatProtectsTheApp() {
        assertThat(SafeHtml.sanitize("<a href=\"https://parley.test/x?a=1&amp;b=2\">x</a>"))
                .contains("href=\"https://parley.test/x?a&#61;1&amp;b&#61;2\"").contains("rel=\"")
                .contains("noopener").contains("noreferrer").contains(">x</a>");
        assertThat(SafeHtml.sanitize("<a href=\"http://parley.test\">h</a>")).contains("href=\"http://parley.test\"");
        assertThat(SafeHtml.sanitize("<a href=\"mailto:bob@parley.test\">m</a>")).contains("href=\"mailto:bob&#64;parley.test\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=\"file:///etc/passwd\">x</a>"
    })
    void dangerousLinkSchemesLoseTheLinkButKeepTheText(String html) {
        String out = SafeHtml.sanitize(html);
        assertThat(out).isEqualTo("x");
    }

    @Test
    void scriptsAndStyleElementsGoWithTheirContent() {
        assertThat(SafeHtml.sanitize("hi<script>alert('x')</script><style>body{display:none}</style>!"))
                .isEqualTo("hi!");
        assertThat(SafeHtml.sanitize("<SCRIPT SRC=http://evil.example/x.js></SCRIPT>ok")).isEqualTo("ok");
    }

    @Test
    void eventHandlersAndUnknownAttributesAreDropped() {
        String out = SafeHtml.sanitize("<img src=x onerror=\"alert(1)\"><b onclick=\"alert(2)\" id=\"k\" class=\"c\">"
                + "b</b><span onmouseover=\"alert(3)\">s</span><svg onload=alert(4)><circle/></svg>");
        assertThat(out).doesNotContain("onerror").doesNotContain("onclick").doesNotContain("onmouseover")
                .doesNotContain("onload").doesNotContain("alert").doesNotContain("<img").doesNotContain("<svg")
                .doesNotContain("id=").doesNotContain("class=").contains("<b>b</b>").contains("s");
    }

    @Test
    void cssExpressionsImportsAndUrlsInStylesAreDropped() {
        String out = SafeHtml.sanitize("<span style=\"color:expression(alert(1));font-size:12px\">a</span>"
                + "<span style=\"font-family:url(javascript:alert(2))\">b</span>"
                + "<span style=\"behavior:url(x.htc);-moz-binding:url(x.xml#x)\">c</span>"
                + "<span style=\"@import 'http://evil.example/x.css'\">d</span>");
        assertThat(out).doesNotContain("expression").doesNotContain("url(").doesNotContain("javascript")
                .doesNotContain("behavior").doesNotContain("binding").doesNotContain("@import")
                .doesNotContain("evil").contains("a").contains("b").contains("c").contains("d");
    }

    @Test
    void nestedAndMalformedTricksDoNotSmuggleMarkupThrough() {
        String[] hostile = {
            "<scr<script>ipt>alert(1)</scr</script>ipt>",
            "<<b>script>alert(1)<</b>/script>",
            "<b <script>alert(1)</script>>x</b>",
            "<iframe src=\"javascript:alert(1)\"></iframe><object data=\"x\"></object><embed src=\"x\">",
            "<form action=\"https://evil.example\"><input name=p></form>",
            "<!--<script>alert(1)</script>--><b>ok</b>",
            "<![CDATA[<script>alert(1)</script>]]>",
            "<math><mi xlink:href=\"javascript:alert(1)\">m</mi></math>",
            "<a href=\"https://ok.example\" style=\"position:fixed\" target=\"_top\">x</a>",
            "<div style=\"width: expression(alert(1))\">d</div>",
            "<p>unterminated <b>bold <i>italic"
        };
        for (String h : hostile) {
            String out = SafeHtml.sanitize(h);
            assertThat(out).as(h).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<iframe")
                    .doesNotContainIgnoringCase("<object").doesNotContainIgnoringCase("<embed")
                    .doesNotContainIgnoringCase("<form").doesNotContainIgnoringCase("<input")
                    .doesNotContainIgnoringCase("javascript:").doesNotContain("expression(")
                    .doesNotContain("target=").doesNotContain("position")
                    .doesNotContainIgnoringCase("<math");
            assertThat(SafeHtml.sanitize(out)).as("sanitizing is stable: " + h).isEqualTo(out);
        }
        assertThat(SafeHtml.sanitize("<p>unterminated <b>bold <i>italic"))
                .isEqualTo("<p>unterminated <b>bold <i>italic</i></b></p>");
    }

    @Test
    void textIsEscapedNotInterpreted() {
        assertThat(SafeHtml.sanitize("1 < 2 & 3 > 2")).isEqualTo("1 &lt; 2 &amp; 3 &gt; 2");
        assertThat(SafeHtml.sanitize(null)).isEmpty();
    }

    @Test
    void plainTextKeepsWhatAReaderSeesWithLineBreaksAndDecodedEntities() {
        assertThat(SafeHtml.toPlainText("<b>Yes</b>, noon &amp; <i>then</i>&nbsp;coffee")).isEqualTo("Yes, noon & then\u00a0coffee");
        assertThat(SafeHtml.toPlainText("<p>one</p><p>two</p>line<br>break<ul><li>a</li><li>b</li></ul>"))
                .isEqualTo("one\ntwo\nline\nbreak\na\nb");
        assertThat(SafeHtml.toPlainText("hi<script>alert('x')</script> <style>p{}</style>there")).isEqualTo("hi there");
        assertThat(SafeHtml.toPlainText("  lots   of\n\n spaces  ")).isEqualTo("lots of spaces");
        assertThat(SafeHtml.toPlainText("&lt;b&gt;not bold&lt;/b&gt;")).isEqualTo("<b>not bold</b>");
        assertThat(SafeHtml.toPlainText(null)).isEmpty();
    }

    @Test
    void plainTextOfABodyReducesHtmlOfAnyParametersAndKeepsPlainTextAsItIs() {
        assertThat(SafeHtml.plainText("text/html", "<b>Hi</b> there")).isEqualTo("Hi there");
        assertThat(SafeHtml.plainText("Text/HTML; charset=UTF-8", "<i>a</i>&amp;b")).isEqualTo("a&b");
        assertThat(SafeHtml.plainText("text/plain", "<b>not a tag</b>")).isEqualTo("<b>not a tag</b>");
        assertThat(SafeHtml.plainText(null, "x")).isEqualTo("x");
        assertThat(SafeHtml.plainText("text/html", null)).isEmpty();
    }
}
