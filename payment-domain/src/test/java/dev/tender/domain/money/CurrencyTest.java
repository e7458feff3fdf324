package dev.tender.domain.money;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CurrencyTest {

    @Nested
    class IsoExponents {

        @Test
        void yen_has_no_minor_unit() {
            // given
            String code = "JPY";

            // when
            Currency currency = Currency.of(code);

            // then
            assertThat(currency.exponent()).isZero();
            assertThat(currency).isEqualTo(Currency.JPY);
        }

        @Test
        void us_dollar_has_two_decimals() {
            // given
            String code = "USD";

            // when
            Currency currency = Currency.of(code);

            // then
            assertThat(currency.exponent()).isEqualTo(2);
            assertThat(currency).isEqualTo(Currency.USD);
        }

        @Test
        void kuwaiti_dinar_has_three_decimals() {
            // given
            String code = "KWD";

            // when
            Currency currency = Currency.of(code);

            // then
            assertThat(currency.exponent()).isEqualTo(3);
            assertThat(currency).isEqualTo(Currency.KWD);
        }
    }

    @Nested
    class Lookup {

        @Test
        void givenLowerCaseCode_whenFound_thenUpperCaseCurrency() {
            // given
            String code = "usd";

            // when
            var found = Currency.find(code);

            // then
            assertThat(found.isDefined()).isTrue();
            assertThat(found.get()).isEqualTo(Currency.USD);
            assertThat(found.get().code()).isEqualTo("USD");
        }

        @Test
        void givenUnknownCode_whenParsed_thenRefused() {
            // given
            String code = "XYZ";

            // when
            var parsed = Currency.parse(code);

            // then
            assertThat(Currency.find(code).isEmpty()).isTrue();
            assertThat(parsed.isLeft()).isTrue();
            assertThat(parsed.getLeft()).contains("XYZ");
            assertThatThrownBy(() -> Currency.of(code)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void givenGold_whenParsed_thenRefusedAsNotACurrency() {
            // given: XAU is an ISO-4217 code without a minor unit
            String code = "XAU";

            // when
            var parsed = Currency.parse(code);

            // then
            assertThat(parsed.isLeft()).isTrue();
            assertThat(Currency.find(code).isEmpty()).isTrue();
        }

        @Test
        void givenMalformedCodes_whenFound_thenNone() {
            // given / when / then
            assertThat(Currency.find(null).isEmpty()).isTrue();
            assertThat(Currency.find("").isEmpty()).isTrue();
            assertThat(Currency.find("US").isEmpty()).isTrue();
            assertThat(Currency.find("USDX").isEmpty()).isTrue();
            assertThat(Currency.find("U5D").isEmpty()).isTrue();
        }

        @Test
        void givenKnownCode_whenParsed_thenRight() {
            // given
            String code = "kwd";

            // when
            var parsed = Currency.parse(code);

            // then
            assertThat(parsed.get()).isEqualTo(Currency.KWD);
        }
    }

    @Nested
    class Construction {

        @Test
        void lower_case_code_is_refused_by_the_constructor() {
            // given / when / then
            assertThatThrownBy(() -> new Currency("usd", 2)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void exponent_outside_zero_to_four_is_refused() {
            // given / when / then
            assertThatThrownBy(() -> new Currency("USD", -1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Currency("USD", 5)).isInstanceOf(IllegalArgumentException.class);
            assertThat(new Currency("CLF", 4).exponent()).isEqualTo(4);
            assertThat(new Currency("JPY", 0).exponent()).isZero();
        }

        @Test
        void prints_as_its_code() {
            // given
            Currency currency = Currency.KWD;

            // when
            String printed = currency.toString();

            // then
            assertThat(printed).isEqualTo("KWD");
        }
    }
}
