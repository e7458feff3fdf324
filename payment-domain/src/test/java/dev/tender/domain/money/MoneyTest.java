package dev.tender.domain.money;

import io.vavr.control.Either;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.tender.domain.money.Currency.EUR;
import static dev.tender.domain.money.Currency.JPY;
import static dev.tender.domain.money.Currency.KWD;
import static dev.tender.domain.money.Currency.USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Nested
    class NeverNegative {

        @Test
        void givenNegativeAmount_whenOf_thenThrows() {
            // given
            long minor = -1;

            // when / then
            assertThatThrownBy(() -> Money.of(minor, USD))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("negative");
        }

        @Test
        void givenNegativeAmount_whenFrom_thenLeft() {
            // given
            long minor = -1;

            // when
            Either<String, Money> money = Money.from(minor, USD);

            // then
            assertThat(money.isLeft()).isTrue();
            assertThat(money.getLeft()).contains("-1");
        }

        @Test
        void givenZeroOrPositiveAmount_whenFrom_thenRight() {
            // given / when
            Either<String, Money> zero = Money.from(0, USD);
            Either<String, Money> positive = Money.from(1234, USD);

            // then
            assertThat(zero.get()).isEqualTo(Money.zero(USD));
            assertThat(positive.get()).isEqualTo(Money.of(1234, USD));
        }
    }

    @Nested
    class Arithmetic {

        @Test
        void givenSameCurrency_whenPlus_thenSum() {
            // given
            Money a = Money.of(1_000, USD);
            Money b = Money.of(234, USD);

            // when
            Money sum = a.plus(b);

            // then
            assertThat(sum).isEqualTo(Money.of(1_234, USD));
        }

        @Test
        void givenMaximumAmount_whenPlusOne_thenArithmeticException() {
            // given
            Money max = Money.of(Long.MAX_VALUE, USD);

            // when / then
            assertThatThrownBy(() -> max.plus(Money.of(1, USD))).isInstanceOf(ArithmeticException.class);
        }

        @Test
        void givenTwoCurrencies_whenPlus_thenThrows() {
            // given
            Money dollars = Money.of(100, USD);
            Money euros = Money.of(100, EUR);

            // when / then
            assertThatThrownBy(() -> dollars.plus(euros))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("USD")
                    .hasMessageContaining("EUR");
        }

        @Test
        void givenTwoCurrencies_whenMinusOrCompared_thenThrows() {
            // given
            Money dollars = Money.of(100, USD);
            Money euros = Money.of(100, EUR);

            // when / then
            assertThatThrownBy(() -> dollars.minus(euros)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> dollars.compareTo(euros)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> dollars.min(euros)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void givenLargerSubtrahend_whenMinus_thenThrowsRatherThanGoNegative() {
            // given
            Money small = Money.of(1, USD);

            // when / then
            assertThatThrownBy(() -> small.minus(Money.of(2, USD))).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void givenSmallerSubtrahend_whenMinus_thenDifference() {
            // given
            Money ten = Money.of(1_000, USD);

            // when
            Money rest = ten.minus(Money.of(300, USD));

            // then
            assertThat(rest).isEqualTo(Money.of(700, USD));
        }
    }

    @Nested
    class Parse {

        @ParameterizedTest(name = "\"{0}\" {1} is {2} minor units")
        @CsvSource({
                "12.34, USD, 1234",
                "1.5, KWD, 1500",
                "500, JPY, 500",
                "0.10, USD, 10",
                "0, USD, 0",
                "92233720368547758.07, USD, 9223372036854775807",
                "9223372036854775807, JPY, 9223372036854775807"
        })
        void givenValidMajorUnits_whenParsed_thenMinorUnits(String text, String code, long expectedMinor) {
            // given
            Currency currency = Currency.of(code);

            // when
            Either<String, Money> parsed = Money.parse(text, currency);

            // then
            assertThat(parsed.isRight()).as("parsed %s", text).isTrue();
            assertThat(parsed.get()).isEqualTo(Money.of(expectedMinor, currency));
        }

        @ParameterizedTest(name = "\"{0}\" is refused for USD")
        @ValueSource(strings = {"12.345", "-1", "1e3", " 1", "1 ", "+1", "1.", ".5", "1,00", "12.3.4", "abc",
                "92233720368547758.08", "99999999999999999999999"})
        void givenMalformedOrTooPreciseOrTooLarge_whenParsedAsUsd_thenLeft(String text) {
            // given
            Currency currency = USD;

            // when
            Either<String, Money> parsed = Money.parse(text, currency);

            // then
            assertThat(parsed.isLeft()).as("parsed %s", text).isTrue();
        }

        @ParameterizedTest(name = "{0} is refused")
        @NullAndEmptySource
        void givenNullOrEmpty_whenParsed_thenLeft(String text) {
            // given
            Currency currency = USD;

            // when
            Either<String, Money> parsed = Money.parse(text, currency);

            // then
            assertThat(parsed.isLeft()).isTrue();
        }

        @Test
        void givenAmountBeyondLongMaxInYen_whenParsed_thenLeftSayingTooLarge() {
            // given
            String justAboveMax = "9223372036854775808";

            // when
            Either<String, Money> parsed = Money.parse(justAboveMax, JPY);

            // then
            assertThat(parsed.isLeft()).isTrue();
            assertThat(parsed.getLeft()).contains("too large");
        }

        @Test
        void givenDecimalsOnAZeroExponentCurrency_whenParsed_thenLeft() {
            // given
            String text = "1.5";

            // when
            Either<String, Money> parsed = Money.parse(text, JPY);

            // then
            assertThat(parsed.isLeft()).isTrue();
            assertThat(parsed.getLeft()).contains("JPY");
        }
    }

    @Nested
    class Format {

        @Test
        void dollars_have_two_decimals() {
            // given
            Money money = Money.of(1230, USD);

            // when
            String text = money.format();

            // then
            assertThat(text).isEqualTo("12.30");
        }

        @Test
        void yen_have_no_decimals() {
            // given
            Money money = Money.of(500, JPY);

            // when
            String text = money.format();

            // then
            assertThat(text).isEqualTo("500");
        }

        @Test
        void dinars_have_three_decimals() {
            // given
            Money money = Money.of(1500, KWD);

            // when
            String text = money.format();

            // then
            assertThat(text).isEqualTo("1.500");
        }

        @Test
        void zero_dollars_keep_their_decimals() {
            // given
            Money money = Money.zero(USD);

            // when
            String text = money.format();

            // then
            assertThat(text).isEqualTo("0.00");
        }

        @Test
        void toString_adds_the_currency_code() {
            // given
            Money money = Money.of(1234, USD);

            // when
            String text = money.toString();

            // then
            assertThat(text).isEqualTo("12.34 USD");
        }

        @ParameterizedTest(name = "{0} minor units of {1} survive format then parse")
        @CsvSource({
                "0, USD", "1, USD", "10, USD", "1234, USD", "9223372036854775807, USD",
                "0, JPY", "500, JPY", "0, KWD", "1, KWD", "1500, KWD", "1234567, KWD"
        })
        void givenMoney_whenFormattedAndParsed_thenSameMoney(long minor, String code) {
            // given
            Money money = Money.of(minor, Currency.of(code));

            // when
            Either<String, Money> roundTrip = Money.parse(money.format(), money.currency());

            // then
            assertThat(roundTrip.get()).isEqualTo(money);
        }
    }

    @Nested
    class Ordering {

        @Test
        void compareTo_orders_by_minor_units() {
            // given
            Money small = Money.of(100, USD);
            Money large = Money.of(200, USD);

            // when / then
            assertThat(small.compareTo(large)).isNegative();
            assertThat(large.compareTo(small)).isPositive();
            assertThat(small.compareTo(Money.of(100, USD))).isZero();
        }

        @Test
        void min_returns_the_smaller_amount() {
            // given
            Money small = Money.of(100, USD);
            Money large = Money.of(200, USD);

            // when / then
            assertThat(small.min(large)).isSameAs(small);
            assertThat(large.min(small)).isSameAs(small);
        }

        @Test
        void isGreaterThan_and_isLessThan_are_strict() {
            // given
            Money small = Money.of(100, USD);
            Money large = Money.of(200, USD);

            // when / then
            assertThat(large.isGreaterThan(small)).isTrue();
            assertThat(small.isGreaterThan(large)).isFalse();
            assertThat(small.isGreaterThan(Money.of(100, USD))).isFalse();
            assertThat(small.isLessThan(large)).isTrue();
            assertThat(small.isLessThan(Money.of(100, USD))).isFalse();
        }

        @Test
        void isZero_only_for_zero() {
            // given / when / then
            assertThat(Money.zero(KWD).isZero()).isTrue();
            assertThat(Money.of(1, KWD).isZero()).isFalse();
        }
    }
}
