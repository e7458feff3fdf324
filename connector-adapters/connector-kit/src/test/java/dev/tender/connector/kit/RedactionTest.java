package dev.tender.connector.kit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            card 4242424242424242 refused          | card ************4242 refused
            4000-0000-0000-9995                    | ************9995
            amex 3782 822463 10005!                | amex ************0005!
            a19digit 4000000000000000006 end       | a19digit ************0006 end
            amount 1000 and order 12345678901      | amount 1000 and order 12345678901
            twenty digits 12345678901234567890     | twenty digits 12345678901234567890
            """)
    void cardNumbersAreMaskedAndOtherNumbersKept(String text, String expected) {
        // given a text from a processor

        // when
        String masked = Redaction.maskCardNumbers(text);

        // then
        assertThat(masked).isEqualTo(expected);
    }
}
