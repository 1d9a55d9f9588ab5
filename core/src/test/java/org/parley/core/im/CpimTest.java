package org.parley.core.im;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.core.error.ParleyException;

class CpimTest {

    @Test
    void buildWritesMessageHeadersBlankLineContentHeadersBlankLineBody() {
        Cpim.Message m = new Cpim.Message("Alice Test", "sip:alice@parley.local", List.of("sip:chat~abc@parley.local"),
                Instant.parse("2026-11-21T10:00:00.250Z"), "Launch", "text/plain;charset=UTF-8", "Hello\r\nall");
        assertThat(Cpim.build(m)).isEqualTo("From: \"Alice Test\" <sip:alice@parley.local>\r\n"
                + "To: <sip:chat~abc@parley.local>\r\n"
                + "DateTime: 2026-11-21T10:00:00.250Z\r\n"
                + "Subject: Launch\r\n"
                + "\r\n"
                + "Content-Type: text/plain;charset=UTF-8\r\n"
                + "\r\n"
                + "Hello\r\nall");
    }

    @Test
    void parseReadsWhatBuildWrote() {
        Cpim.Message m = new Cpim.Message("O'Brien \"Bob\" \\ Jr", "sip:bob@parley.local", List.of("sip:chat~x@parley.local"),
                Instant.parse("2026-11-21T10:00:00Z"), null, "text/html", "<b>hi</b>\n\nsecond paragraph");
        assertThat(Cpim.parse(Cpim.build(m))).isEqualTo(m);
    }

    @Test
    void parseReadsTheRfc3862Example() {
        String rfc = "From: MR SANDERS <im:piglet@100akerwood.com>\r\n"
                + "To: Depressed Donkey <im:eeyore@100akerwood.com>\r\n"
                + "DateTime: 2000-12-13T13:40:00-08:00\r\n"
                + "Subject: the weather will be fine today\r\n"
                + "Subject:;lang=fr beau temps prevu pour aujourd'hui\r\n"
                + "NS: MyFeatures <mid:MessageFeatures@id.foo.com>\r\n"
                + "Require: MyFeatures.VitalMessageOption\r\n"
                + "MyFeatures.VitalMessageOption: Confirmation-requested\r\n"
                + "MyFeatures.WackyMessageOption: Use-silly-font\r\n"
                + "\r\n"
                + "Content-type: text/xml; charset=utf-8\r\n"
                + "Content-ID: <1234567890@foo.com>\r\n"
                + "\r\n"
                + "<body>\r\nHere is the text of my message.\r\n</body>";
        Cpim.Message m = Cpim.parse(rfc);
        assertThat(m.fromName()).isEqualTo("MR SANDERS");
        assertThat(m.from()).isEqualTo("im:piglet@100akerwood.com");
        assertThat(m.to()).containsExactly("im:eeyore@100akerwood.com");
        assertThat(m.dateTime()).isEqualTo(Instant.parse("2000-12-13T21:40:00Z"));
        assertThat(m.subject()).as("the last Subject wins").isEqualTo("beau temps prevu pour aujourd'hui");
        assertThat(m.contentType()).isEqualTo("text/xml; charset=utf-8");
        assertThat(m.body()).isEqualTo("<body>\r\nHere is the text of my message.\r\n</body>");
    }

    @Test
    void parseAcceptsBareLineFeedsAndABareUri() {
        Cpim.Message m = Cpim.parse("From: sip:carol@parley.local\n\nContent-Type: text/plain\n\nhi");
        assertThat(m.fromName()).isNull();
        assertThat(m.from()).isEqualTo("sip:carol@parley.local");
        assertThat(m.to()).isEmpty();
        assertThat(m.dateTime()).isNull();
        assertThat(m.body()).isEqualTo("hi");
    }

    @Test
    void missingContentTypeMeansPlainText() {
        Cpim.Message m = Cpim.parse("From: <sip:a@b>\r\n\r\n\r\nhello");
        assertThat(m.contentType()).isEqualTo("text/plain;charset=UTF-8");
        assertThat(m.body()).isEqualTo("hello");
    }

    @Test
    void parseRefusesTextWithoutFromOrWithoutHeaders() {
        assertThatThrownBy(() -> Cpim.parse("To: <sip:a@b>\r\n\r\nContent-Type: text/plain\r\n\r\nx"))
                .isInstanceOf(ParleyException.class).hasMessageContaining("no From");
        assertThatThrownBy(() -> Cpim.parse("just some text")).isInstanceOf(ParleyException.class);
        assertThatThrownBy(() -> Cpim.parse("From: <sip:a@b>\r\nDateTime: yesterday\r\n\r\n\r\nx"))
                .isInstanceOf(ParleyException.class).hasMessageContaining("RFC 3339");
    }

    @Test
    void buildRefusesLineBreaksInHeaders() {
        assertThatThrownBy(() -> Cpim.build(new Cpim.Message("Eve\r\nTo: <sip:x@y>", "sip:eve@parley.local", List.of(),
                null, null, null, "x"))).isInstanceOf(IllegalArgumentException.class);
    }
}
