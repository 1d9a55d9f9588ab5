package org.parley.core.client.sip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferredByRepeatTest {

    @Test
    void repeatHeaderParameterIsRead() {
        assertThat(ReferHandling.repeatParameter("<sip:reception@parley.test>;repeat=3")).isEqualTo(3);
        assertThat(ReferHandling.repeatParameter("\"Reception\" <sip:reception@parley.test> ; Repeat=2 ;x=y"))
                .isEqualTo(2);
    }

    @Test
    void missingOrMalformedRepeatIsZero() {
        assertThat(ReferHandling.repeatParameter(null)).isZero();
        assertThat(ReferHandling.repeatParameter("<sip:reception@parley.test>")).isZero();
        assertThat(ReferHandling.repeatParameter("<sip:reception@parley.test>;repeat=lots")).isZero();
        assertThat(ReferHandling.repeatParameter("<sip:reception@parley.test>;repeat=-4")).isZero();
    }

    @Test
    void uriParameterInsideBracketsIsNotTheHeaderParameter() {
        assertThat(ReferHandling.repeatParameter("<sip:reception@parley.test;repeat=5>")).isZero();
    }

    @Test
    void bareAddressStillDropsTheParameter() {
        assertThat(ReferHandling.bare("<sip:reception@parley.test>;repeat=2")).isEqualTo("sip:reception@parley.test");
    }
}
