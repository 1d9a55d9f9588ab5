package org.parley.core.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.core.client.CallForwarding;
import org.parley.core.client.CallTarget;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;

/** The JSON of forwarding rules in SERVICE forwarding.get/set (docs/protocol.md, "Call routing"). */
class ForwardingCodecTest {
    @Test
    void rulesSurviveTheRoundTripAndMissingFieldsTakeTheDefaults() {
        CallForwarding rules = new CallForwarding(CallForwarding.Mode.SIMULTANEOUS_RING, CallTarget.NONE, "+1 555 0100", true,
                List.of("sip:dave@d"), 30, CallTarget.user("sip:carol@d"));
        String json = ServiceCodec.write(ForwardingCodec.toJson(rules));
        assertThat(ForwardingCodec.fromJson(ServiceCodec.parseObject(json))).isEqualTo(rules);
        assertThat(json).contains("\"unansweredTarget\":{\"kind\":\"USER\",\"value\":\"sip:carol@d\"}");

        assertThat(ForwardingCodec.fromJson(ServiceCodec.parseObject("{}"))).isEqualTo(CallForwarding.DEFAULT);
        assertThat(ForwardingCodec.fromJson(ServiceCodec.parseObject("{\"mode\":\"forward_all\",\"forwardTo\":{\"kind\":\"voicemail\"}}"))
                .forwardTo()).isEqualTo(CallTarget.voicemail());
    }

    @Test
    void malformedRulesAreInvalidArgumentsWithAReadableMessage() {
        assertInvalid("{\"mode\":\"SOMETIMES\"}", "unknown forwarding mode 'SOMETIMES'");
        assertInvalid("{\"unansweredSeconds\":\"soon\"}", "'unansweredSeconds' must be a whole number");
        assertInvalid("{\"unansweredSeconds\":200}", "between 5 and 120 seconds");
        assertInvalid("{\"forwardTo\":{\"kind\":\"FAX\"}}", "unknown call target kind 'FAX'");
        assertInvalid("{\"mode\":\"FORWARD_ALL\",\"forwardTo\":{\"kind\":\"NUMBER\",\"value\":\"call me\"}}", "not a telephone number");
        assertInvalid("{\"team\":[1,2]}", "'team' must be a list");
    }

    private static void assertInvalid(String json, String message) {
        assertThatThrownBy(() -> ForwardingCodec.fromJson(ServiceCodec.parseObject(json))).isInstanceOf(ParleyException.class)
                .satisfies(e -> assertThat(((ParleyException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining(message);
    }
}
