package org.parley.server.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.server.service.ServiceError;

class PhoneNumbersTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "+1 (555) 010-2000       | tel:+15550102000",
        "00 44 20 7946 0000      | tel:+442079460000",
        "tel:+33-1-23.45.67.89   | tel:+33123456789",
        "TEL:0049 30 1234/5678   | tel:+493012345678",
        "  +49 30 123            | tel:+4930123",
    })
    void internationalNotationsBecomeTelPlusDigits(String number, String expected) {
        assertThat(PhoneNumbers.normalize(number)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"555 0100", "0555 0100", "+1 555 CALL", "+1+555", "12+34", "+12", "+1234567890123456", "", "tel:"})
    void numbersWithoutCountryCodeOrWithOtherCharactersAreRefusedWith400(String number) {
        assertThatThrownBy(() -> PhoneNumbers.normalize(number))
                .isInstanceOfSatisfying(ServiceError.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"+1 (555) 010 | 1555010", "abc | ''"})
    void digitsKeepsOnlyDigits(String text, String digits) {
        assertThat(PhoneNumbers.digits(text)).isEqualTo(digits);
    }
}
