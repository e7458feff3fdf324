package dev.tender.ports.in;

import dev.tender.ports.out.CardBrands;
import dev.tender.ports.out.Luhn;
import dev.tender.ports.out.PaymentMethodData;
import dev.tender.ports.out.TimeSource;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;

/**
 * What a card must be before it may reach a connector: a number of digits (spaces are dropped) of a
 * length its brand allows with a right Luhn check digit; an expiry month 1–12 ({@code 1} or {@code 01})
 * and year (two digits mean 20YY) not past, read on the service's clock; a CVC of 3 or 4 digits for any
 * brand, as Hyperswitch takes it (a brand's own CVC length is the processor's business). Every wrong field
 * is reported at once, named as the API names it; no message quotes the number. A month, year or CVC that
 * is made of digits but wrong gets Hyperswitch's own message ({@link #isHyperswitchPrecondition}).
 */
public final class CardRules {

    public static final String NUMBER = "payment_method_data.card.card_number";
    public static final String EXP_MONTH = "payment_method_data.card.card_exp_month";
    public static final String EXP_YEAR = "payment_method_data.card.card_exp_year";
    public static final String CVC = "payment_method_data.card.card_cvc";

    // Hyperswitch's messages (router, payments helpers validate_card_data), which it answers as IR_16
    public static final String INVALID_CVC_LENGTH = "Invalid card_cvc length";
    public static final String INVALID_EXPIRY_MONTH = "Invalid Expiry Month";
    public static final String INVALID_EXPIRY_YEAR = "Invalid Expiry Year";
    public static final String CARD_EXPIRED = "Card Expired";
    private static final Set<String> HYPERSWITCH_PRECONDITIONS = Set.of(INVALID_CVC_LENGTH, INVALID_EXPIRY_MONTH,
            INVALID_EXPIRY_YEAR, CARD_EXPIRED);

    // A card is valid through the last day of its expiry month, and the cardholder's day may still be
    // that one when it is already the next month in UTC: it has expired once the month is over everywhere.
    private static final ZoneOffset LAST_TIME_ZONE = ZoneOffset.ofHours(-12);

    private final TimeSource time;

    public CardRules(TimeSource time) {
        this.time = Objects.requireNonNull(time, "time");
    }

    /** Whether the error is one of the card checks Hyperswitch answers as a precondition failure. */
    public static boolean isHyperswitchPrecondition(FieldError error) {
        return HYPERSWITCH_PRECONDITIONS.contains(error.message());
    }

    /** A card from outside input, as the API takes it: every field a string, any of them missing (null). */
    public Validation<Seq<FieldError>, PaymentMethodData.Card> card(String number, String expMonth, String expYear,
                                                                   String cvc, String holderName) {
        String digits = number == null ? null : number.replace(" ", "");
        return card(required(NUMBER, digits), required(EXP_MONTH, expMonth).flatMap(CardRules::month),
                required(EXP_YEAR, expYear).flatMap(CardRules::year), required(CVC, cvc),
                Option.of(holderName).filter(name -> !name.isBlank()));
    }

    /** A payment method built by code: a card passes the rules of {@link #card}; other methods pass as they are. */
    public Validation<Seq<FieldError>, PaymentMethodData> check(PaymentMethodData method) {
        return switch (method) {
            case PaymentMethodData.Card c -> card(Validation.valid(c.number()), month(String.valueOf(c.expiryMonth())),
                    c.expiryYear() >= 1000 && c.expiryYear() <= 9999 ? Validation.valid(c.expiryYear())
                            : Validation.invalid(new FieldError(EXP_YEAR, "must have four digits")),
                    Validation.valid(c.cvc()), c.holderName()).map(checked -> method);
            case PaymentMethodData.StoredMandate stored -> Validation.valid(method);
            case PaymentMethodData.Other other -> Validation.valid(method);
        };
    }

    private Validation<Seq<FieldError>, PaymentMethodData.Card> card(Validation<FieldError, String> digits,
                                                                    Validation<FieldError, Integer> month,
                                                                    Validation<FieldError, Integer> year,
                                                                    Validation<FieldError, String> cvc,
                                                                    Option<String> holderName) {
        return Validation.combine(digits.flatMap(CardRules::number), month, year,
                        cvc.flatMap(CardRules::cvc), notExpired(month, year))
                .ap((n, m, y, code, notExpired) -> new PaymentMethodData.Card(n, m, y, code, holderName));
    }

    private static Validation<FieldError, String> required(String field, String value) {
        return value == null ? Validation.invalid(new FieldError(field, "is required")) : Validation.valid(value);
    }

    private static Validation<FieldError, String> number(String digits) {
        if (!digits.matches("\\d{12,19}")) {
            return Validation.invalid(new FieldError(NUMBER, "must be 12 to 19 digits"));
        }
        String brand = CardBrands.brandOf(digits);
        if (!CardBrands.lengths(brand).contains(digits.length())) {
            return Validation.invalid(new FieldError(NUMBER, "must be " + lengths(CardBrands.lengths(brand))
                    + " digits for " + article(brand) + " card, not " + digits.length()));
        }
        return Luhn.valid(digits) ? Validation.valid(digits)
                : Validation.invalid(new FieldError(NUMBER, "is not a valid card number: the Luhn check digit is wrong"));
    }

    private static Validation<FieldError, Integer> month(String value) {
        if (value.matches("\\d{1,2}") && Integer.parseInt(value) >= 1 && Integer.parseInt(value) <= 12) {
            return Validation.valid(Integer.parseInt(value));
        }
        return Validation.invalid(new FieldError(EXP_MONTH,
                value.matches("\\d+") ? INVALID_EXPIRY_MONTH : "must be a month from 1 to 12"));
    }

    private static Validation<FieldError, Integer> year(String value) {
        if (value.matches("\\d{2}")) {
            return Validation.valid(2000 + Integer.parseInt(value));
        }
        if (value.matches("\\d{4}")) {
            return Validation.valid(Integer.parseInt(value));
        }
        return Validation.invalid(new FieldError(EXP_YEAR,
                value.matches("\\d+") ? INVALID_EXPIRY_YEAR : "must be a year of 2 or 4 digits"));
    }

    /** 3 or 4 digits whatever the brand: Hyperswitch checks the length only, the processor the rest. */
    private static Validation<FieldError, String> cvc(String code) {
        if (code.length() < 3 || code.length() > 4) {
            return Validation.invalid(new FieldError(CVC, INVALID_CVC_LENGTH));
        }
        return code.matches("\\d+") ? Validation.valid(code)
                : Validation.invalid(new FieldError(CVC, "must be 3 or 4 digits"));
    }

    private static String lengths(List<Integer> lengths) {
        boolean range = lengths.size() > 2 && lengths.last() - lengths.head() == lengths.size() - 1;
        return range ? lengths.head() + " to " + lengths.last()
                : lengths.size() == 1 ? lengths.head().toString()
                : lengths.init().mkString(", ") + " or " + lengths.last();
    }

    private static String article(String brand) {
        return ("aeiou".indexOf(brand.charAt(0)) >= 0 ? "an " : "a ") + brand;
    }

    private Validation<FieldError, Boolean> notExpired(Validation<FieldError, Integer> month,
                                                       Validation<FieldError, Integer> year) {
        if (month.isInvalid() || year.isInvalid()) {
            return Validation.valid(true);
        }
        YearMonth current = YearMonth.from(time.now().atOffset(LAST_TIME_ZONE));
        if (year.get() < current.getYear()) {
            return Validation.invalid(new FieldError(EXP_YEAR, INVALID_EXPIRY_YEAR));
        }
        return YearMonth.of(year.get(), month.get()).isBefore(current)
                ? Validation.invalid(new FieldError(EXP_YEAR, CARD_EXPIRED))
                : Validation.valid(true);
    }
}
