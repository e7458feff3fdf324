package dev.tender.ports.in;

import dev.tender.domain.payment.MandateId;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static dev.tender.ports.in.CardRules.CVC;
import static dev.tender.ports.in.CardRules.EXP_MONTH;
import static dev.tender.ports.in.CardRules.EXP_YEAR;
import static dev.tender.ports.in.CardRules.NUMBER;
import static org.assertj.core.api.Assertions.assertThat;

/** The card rules, field by field, on a clock at 15 March 2025. */
class CardRulesTest {

    static final Instant NOW = Instant.parse("2025-03-15T10:00:00Z");
    static final CardRules RULES = new CardRules(() -> NOW);

    static Validation<Seq<FieldError>, PaymentMethodData.Card> card(String number, String month, String year,
                                                                    String cvc) {
        return RULES.card(number, month, year, cvc, null);
    }

    static Seq<FieldError> errors(Validation<Seq<FieldError>, ?> result) {
        assertThat(result.isInvalid()).as("expected errors, got %s", result).isTrue();
        return result.getError();
    }

    static PaymentMethodData.Card valid(Validation<Seq<FieldError>, PaymentMethodData.Card> result) {
        assertThat(result.isValid()).as("expected a card, got %s", result).isTrue();
        return result.get();
    }

    @Nested
    class Number {

        @ParameterizedTest(name = "{0} ({1}) is taken")
        @CsvSource({
                "4242424242424242, visa 16",
                "4222222222222, visa 13",
                "4000000000000000006, visa 19",
                "5555555555554444, mastercard",
                "2223003122003222, mastercard 2-series",
                "6011111111111117, discover",
                "3530111333300000, jcb",
                "30569309025904, diners 14",
                "6200000000000005, a brand not listed",
                "900000000001, 12 digits of no brand"})
        void aNumberOfALengthItsBrandAllowsWithARightCheckDigitIsTaken(String number, String what) {
            assertThat(valid(card(number, "12", "2030", "123")).number()).isEqualTo(number);
        }

        @Test
        void spacesAreDropped() {
            assertThat(valid(card("4242 4242 4242 4242", "12", "2030", "123")).number())
                    .isEqualTo("4242424242424242");
        }

        @ParameterizedTest(name = "{1}: {2}")
        @CsvSource(delimiter = '|', value = {
                "4242424242424241    | wrong check digit            | the Luhn check digit is wrong",
                "4242-4242-4242-4242 | dashes                       | must be 12 to 19 digits",
                "4242424242424abc    | letters                      | must be 12 to 19 digits",
                "42                  | too short                    | must be 12 to 19 digits",
                "42424242424242424242| 20 digits                    | must be 12 to 19 digits",
                "424242424242424     | a visa number of 15 digits   | must be 13, 16 or 19 digits for a visa card, not 15",
                "37828224631003      | an amex number of 14 digits  | must be 15 digits for an amex card, not 14",
                "5555555555554       | a mastercard of 13 digits    | must be 16 digits for a mastercard card, not 13",
                "''                  | empty                        | must be 12 to 19 digits"})
        void anyOtherNumberIsRefusedWithoutBeingQuoted(String number, String what, String message) {
            Seq<FieldError> errors = errors(card(number, "12", "2030", number.startsWith("37") ? "1234" : "123"));

            assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo(NUMBER);
                // not the number, nor its BIN or last four
                assertThat(error.message()).contains(message).doesNotContainPattern("\\d{4}");
            });
        }
    }

    @Nested
    class Expiry {

        @ParameterizedTest(name = "month \"{0}\" is {1}")
        @CsvSource({"1, 1", "01, 1", "9, 9", "09, 9", "12, 12"})
        void aMonthIsOneOrTwoDigitsFrom1To12(String month, int expected) {
            assertThat(valid(card("4242424242424242", month, "2030", "123")).expiryMonth()).isEqualTo(expected);
        }

        @ParameterizedTest(name = "month \"{0}\" is refused as Hyperswitch does")
        @ValueSource(strings = {"0", "00", "13", "001", "99"})
        void aMonthOfDigitsOutside1To12IsAnInvalidExpiryMonth(String month) {
            assertThat(errors(card("4242424242424242", month, "2030", "123")))
                    .containsExactly(new FieldError(EXP_MONTH, "Invalid Expiry Month"));
        }

        @ParameterizedTest(name = "month \"{0}\" is refused")
        @ValueSource(strings = {"1a", " 1", "-1", ""})
        void aMonthNotMadeOfDigitsIsRefused(String month) {
            assertThat(errors(card("4242424242424242", month, "2030", "123")))
                    .containsExactly(new FieldError(EXP_MONTH, "must be a month from 1 to 12"));
        }

        @ParameterizedTest(name = "year \"{0}\" is {1}")
        @CsvSource({"30, 2030", "2030, 2030", "25, 2025", "99, 2099"})
        void aYearOfTwoDigitsIsInThisCentury(String year, int expected) {
            assertThat(valid(card("4242424242424242", "12", year, "123")).expiryYear()).isEqualTo(expected);
        }

        @ParameterizedTest(name = "year \"{0}\" is refused as Hyperswitch does")
        @ValueSource(strings = {"3", "030", "20301"})
        void aYearOfDigitsOtherThan2Or4IsAnInvalidExpiryYear(String year) {
            assertThat(errors(card("4242424242424242", "12", year, "123")))
                    .containsExactly(new FieldError(EXP_YEAR, "Invalid Expiry Year"));
        }

        @ParameterizedTest(name = "year \"{0}\" is refused")
        @ValueSource(strings = {"ab", "20a0", ""})
        void aYearNotMadeOfDigitsIsRefused(String year) {
            assertThat(errors(card("4242424242424242", "12", year, "123")))
                    .containsExactly(new FieldError(EXP_YEAR, "must be a year of 2 or 4 digits"));
        }

        @ParameterizedTest(name = "{0}/{1} is not expired in March 2025")
        @CsvSource({"3, 2025", "03, 25", "4, 2025", "1, 2026"})
        void aCardIsValidThroughTheEndOfItsExpiryMonth(String month, String year) {
            valid(card("4242424242424242", month, year, "123"));
        }

        @ParameterizedTest(name = "{0}/{1} has expired in March 2025")
        @CsvSource({"2, 2025", "02, 25", "1, 2025"})
        void aCardWhoseMonthIsOverThisYearHasExpired(String month, String year) {
            assertThat(errors(card("4242424242424242", month, year, "123")))
                    .containsExactly(new FieldError(EXP_YEAR, "Card Expired"));
        }

        @ParameterizedTest(name = "{0}/{1} is of a past year in March 2025")
        @CsvSource({"12, 2024", "3, 2024", "1, 21"})
        void aCardOfAPastYearIsAnInvalidExpiryYear(String month, String year) {
            assertThat(errors(card("4242424242424242", month, year, "123")))
                    .containsExactly(new FieldError(EXP_YEAR, "Invalid Expiry Year"));
        }

        @Test
        void theMonthIsOverWhenItIsOverInEveryTimeZone() {
            // given a card that expires in March 2025
            CardRules stillMarchSomewhere = new CardRules(() -> Instant.parse("2025-04-01T11:59:00Z"));
            CardRules aprilEverywhere = new CardRules(() -> Instant.parse("2025-04-01T12:00:00Z"));

            // then
            assertThat(stillMarchSomewhere.card("4242424242424242", "3", "2025", "123", null).isValid()).isTrue();
            assertThat(aprilEverywhere.card("4242424242424242", "3", "2025", "123", null).getError())
                    .containsExactly(new FieldError(EXP_YEAR, "Card Expired"));
        }

        @Test
        void theClockIsTheOneTheRulesAreGiven() {
            // given the same card on two clocks
            CardRules in2031 = new CardRules(() -> Instant.parse("2031-01-01T12:00:00Z"));

            // then
            assertThat(card("4242424242424242", "12", "2030", "123").isValid()).isTrue();
            assertThat(in2031.card("4242424242424242", "12", "2030", "123", null).getError())
                    .containsExactly(new FieldError(EXP_YEAR, "Invalid Expiry Year"));
        }
    }

    @Nested
    class Cvc {

        @ParameterizedTest(name = "{0} with CVC \"{1}\" is taken")
        @CsvSource({"4242424242424242, 123", "4242424242424242, 1234", "5555555555554444, 000",
                "378282246310005, 1234", "378282246310005, 123", "6200000000000005, 123"})
        void aCvcOf3Or4DigitsIsTakenForAnyBrand(String number, String cvc) {
            assertThat(valid(card(number, "12", "2030", cvc)).cvc()).isEqualTo(cvc);
        }

        @ParameterizedTest(name = "{0} with CVC \"{1}\": {2}")
        @CsvSource(delimiter = '|', value = {
                "4242424242424242 | 12    | Invalid card_cvc length",
                "4242424242424242 | 12345 | Invalid card_cvc length",
                "4242424242424242 | ''    | Invalid card_cvc length",
                "378282246310005  | 12345 | Invalid card_cvc length",
                "4242424242424242 | 12a   | must be 3 or 4 digits",
                "378282246310005  | 12 3  | must be 3 or 4 digits"})
        void anyOtherCvcIsRefused(String number, String cvc, String message) {
            assertThat(errors(card(number, "12", "2030", cvc))).containsExactly(new FieldError(CVC, message));
        }

        @Test
        void withoutAReadableNumberTheCvcIsCheckedAlike() {
            assertThat(errors(card("4242x", "12", "2030", "1234")).map(FieldError::field)).containsExactly(NUMBER);
            assertThat(errors(card("4242x", "12", "2030", "12")))
                    .contains(new FieldError(CVC, "Invalid card_cvc length"));
        }

        @Test
        void theHyperswitchMessagesAreTheOnesHyperswitchAnswersAsPreconditions() {
            assertThat(errors(card("4242424242424242", "13", "2030", "12")))
                    .allMatch(CardRules::isHyperswitchPrecondition);
            assertThat(errors(card("4242424242424241", "1a", "2030", "12a")))
                    .noneMatch(CardRules::isHyperswitchPrecondition);
        }
    }

    @Nested
    class AllAtOnce {

        @Test
        void everyWrongFieldIsReported() {
            assertThat(errors(card("4242424242424241", "13", "20301", "1")).map(FieldError::field))
                    .containsExactly(NUMBER, EXP_MONTH, EXP_YEAR, CVC);
        }

        @Test
        void anExpiredCardWithAShortCvcGetsBothErrors() {
            assertThat(errors(card("4242424242424242", "1", "2024", "12")).map(FieldError::field))
                    .containsExactlyInAnyOrder(EXP_YEAR, CVC);
        }

        @Test
        void missingFieldsAreRequired() {
            assertThat(errors(card(null, null, null, null))).containsExactly(new FieldError(NUMBER, "is required"),
                    new FieldError(EXP_MONTH, "is required"), new FieldError(EXP_YEAR, "is required"),
                    new FieldError(CVC, "is required"));
        }

        @Test
        void aBlankHolderNameIsNoName() {
            assertThat(RULES.card("4242424242424242", "12", "2030", "123", " ").get().holderName()).isEmpty();
            assertThat(RULES.card("4242424242424242", "12", "2030", "123", "Ada").get().holderName()).contains("Ada");
        }
    }

    /** What an embedder builds in code passes the same rules. */
    @Nested
    class Check {

        @Test
        void aGoodCardPassesAsItIs() {
            PaymentMethodData card = new PaymentMethodData.Card("378282246310005", 3, 2025, "1234", Option.none());

            assertThat(RULES.check(card).get()).isSameAs(card);
        }

        @Test
        void aBadCardIsRefusedOnEveryField() {
            PaymentMethodData card = new PaymentMethodData.Card("4242424242424241", 13, 30, "12", Option.none());

            assertThat(errors(RULES.check(card)).map(FieldError::field))
                    .containsExactly(NUMBER, EXP_MONTH, EXP_YEAR, CVC);
        }

        @Test
        void anExpiredCardIsRefused() {
            PaymentMethodData card = new PaymentMethodData.Card("4242424242424242", 2, 2025, "123", Option.none());

            assertThat(errors(RULES.check(card))).containsExactly(new FieldError(EXP_YEAR, "Card Expired"));
        }

        @ParameterizedTest(name = "year {0} is refused")
        @ValueSource(ints = {30, 999, 10000, -1})
        void aYearMustHaveFourDigits(int year) {
            PaymentMethodData card = new PaymentMethodData.Card("4242424242424242", 12, year, "123", Option.none());

            assertThat(errors(RULES.check(card))).containsExactly(new FieldError(EXP_YEAR, "must have four digits"));
        }

        @Test
        void otherPaymentMethodsPass() {
            PaymentMethodData mandate = new PaymentMethodData.StoredMandate(MandateId.of("man_1"), "ref_1");
            PaymentMethodData other = new PaymentMethodData.Other("wallet", LinkedHashMap.empty());

            assertThat(RULES.check(mandate).get()).isSameAs(mandate);
            assertThat(RULES.check(other).get()).isSameAs(other);
        }
    }
}
