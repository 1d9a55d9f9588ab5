package org.parley.client.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.client.conversation.TextTokens.Kind;
import org.parley.client.conversation.TextTokens.Token;

class TextTokensTest {

    @Test
    void linksAreFoundWithoutTrailingPunctuation() {
        List<Token> t = TextTokens.tokenize("see https://parley.test/x?y=1, or www.example.org.");
        assertThat(t).extracting(Token::kind).containsExactly(Kind.TEXT, Kind.LINK, Kind.TEXT, Kind.LINK, Kind.TEXT);
        assertThat(t.get(1).target()).isEqualTo("https://parley.test/x?y=1");
        assertThat(t.get(3).text()).isEqualTo("www.example.org");
        assertThat(t.get(3).target()).isEqualTo("http://www.example.org");
    }

    @Test
    void emoticonsAreFoundAsWordsOfTheirOwn() {
        List<Token> t = TextTokens.tokenize(":) great :D (y) <3, f(x:) and ;-)");
        assertThat(t).filteredOn(x -> x.kind() == Kind.EMOTICON).extracting(Token::emoticon).containsExactly(
                Emoticon.SMILE, Emoticon.GRIN, Emoticon.THUMBS_UP, Emoticon.HEART, Emoticon.WINK);
        assertThat(t).filteredOn(x -> x.kind() == Kind.TEXT).extracting(Token::text).contains(", f(x:) and ");
    }

    @Test
    void nothingInsideALinkIsAnEmoticon() {
        List<Token> t = TextTokens.tokenize("http://x.test/:)b");
        assertThat(t).extracting(Token::kind).containsExactly(Kind.LINK);
    }

    @Test
    void plainTextStaysOneToken() {
        assertThat(TextTokens.tokenize("just words")).containsExactly(
                new Token(Kind.TEXT, "just words", null, null));
    }
}
