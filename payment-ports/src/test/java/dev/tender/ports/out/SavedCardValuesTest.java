package dev.tender.ports.out;

import dev.tender.domain.payment.MerchantId;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a saved card shows of its number, and what a revealed card prints. */
class SavedCardValuesTest {

    @Test
    void theBinIsEightDigitsFromSixteenDigitsOnAndSixBelow() {
        // then
        assertThat(VaultedCard.binOf("4242424242424242")).isEqualTo("42424242");
        assertThat(VaultedCard.binOf("4242424242424242424")).isEqualTo("42424242");
        assertThat(VaultedCard.binOf("378282246310005")).isEqualTo("378282");
        assertThat(VaultedCard.binOf("424242424242")).isEqualTo("424242");
    }

    @Test
    void aRevealedCardPrintsNeitherItsNumberNorItsHolder() {
        // given
        RevealedCard revealed = new RevealedCard("4242424242424242", 11, 2031, Option.some("Ada Lovelace"));

        // then
        assertThat(revealed.toString()).isEqualTo("RevealedCard[42424242******4242, expiry 11/2031]");
    }

    @Test
    void aRevealedCardBecomesTheProcessorsCardWithTheCvcOfThePayment() {
        // given
        RevealedCard revealed = new RevealedCard("4242424242424242", 11, 2031, Option.some("Ada Lovelace"));

        // when
        PaymentMethodData.Card card = revealed.card("321");

        // then
        assertThat(card).isEqualTo(new PaymentMethodData.Card("4242424242424242", 11, 2031, "321",
                Option.some("Ada Lovelace")));
    }

    @Test
    void missingPartsAreRefused() {
        // given
        MerchantId merchant = MerchantId.of("mer_1");
        Instant at = Instant.parse("2026-03-01T10:00:00Z");

        // then
        assertThatThrownBy(() -> new RevealedCard(null, 1, 2030, Option.none())).hasMessage("number");
        assertThatThrownBy(() -> new RevealedCard("4242424242424242", 1, 2030, null)).hasMessage("holderName");
        assertThatThrownBy(() -> new VaultedCard(null, merchant, "c", "4", "1", 1, 2030, "visa", Option.none(), "f",
                at)).hasMessage("token");
        assertThatThrownBy(() -> new VaultedCard("t", null, "c", "4", "1", 1, 2030, "visa", Option.none(), "f",
                at)).hasMessage("merchantId");
        assertThatThrownBy(() -> new VaultedCard("t", merchant, null, "4", "1", 1, 2030, "visa", Option.none(), "f",
                at)).hasMessage("customerId");
        assertThatThrownBy(() -> new VaultedCard("t", merchant, "c", null, "1", 1, 2030, "visa", Option.none(), "f",
                at)).hasMessage("bin");
        assertThatThrownBy(() -> new VaultedCard("t", merchant, "c", "4", null, 1, 2030, "visa", Option.none(), "f",
                at)).hasMessage("last4");
        assertThatThrownBy(() -> new VaultedCard("t", merchant, "c", "4", "1", 1, 2030, null, Option.none(), "f",
                at)).hasMessage("brand");
        assertThatThrownBy(() -> new VaultedCard("t", merchant, "c", "4", "1", 1, 2030, "visa", null, "f",
                at)).hasMessage("holderName");
        assertThatThrownBy(() -> new VaultedCard("t", merchant, "c", "4", "1", 1, 2030, "visa", Option.none(), null,
                at)).hasMessage("fingerprint");
        assertThatThrownBy(() -> new VaultedCard("t", merchant, "c", "4", "1", 1, 2030, "visa", Option.none(), "f",
                null)).hasMessage("createdAt");
    }
}
