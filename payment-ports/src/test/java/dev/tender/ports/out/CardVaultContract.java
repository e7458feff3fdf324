package dev.tender.ports.out;

import dev.tender.domain.payment.MerchantId;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link CardVault} does, written once: the in-memory adapter's test and the JDBC adapter's test
 * each extend it with their vault.
 */
public abstract class CardVaultContract {

    public static final String VISA = "4242424242424242";
    public static final String AMEX = "378282246310005";
    public static final String MASTERCARD = "5555555555554444";
    /** A whole second: every adapter keeps it exactly. */
    public static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    protected final AtomicReference<Instant> now = new AtomicReference<>(T0);
    protected CardVault vault;
    protected MerchantId merchant;
    protected MerchantId otherMerchant;

    /** The adapter under test, reading the time from {@code time}. */
    protected abstract CardVault vault(TimeSource time);

    /** A merchant no other test uses, created where the adapter needs it. */
    protected abstract MerchantId newMerchant(String prefix);

    @BeforeEach
    public void startVault() {
        vault = vault(now::get);
        merchant = newMerchant("mer_vault");
        otherMerchant = newMerchant("mer_vault_other");
    }

    public static PaymentMethodData.Card card(String number, int month, int year, String holder) {
        return new PaymentMethodData.Card(number, month, year, "123", Option.of(holder));
    }

    @Test
    public void aStoredCardIsFoundWithItsDisplayDataAndRevealsItsNumberAndExpiry() {
        // when
        VaultedCard stored = vault.store(merchant, "cus_1", card(VISA, 11, 2031, "Ada Lovelace"));

        // then
        assertThat(stored.token()).matches("pm_[a-z0-9]+");
        assertThat(stored).isEqualTo(new VaultedCard(stored.token(), merchant, "cus_1", "42424242", "4242", 11, 2031,
                "visa", Option.some("Ada Lovelace"), stored.fingerprint(), T0));
        assertThat(stored.fingerprint()).matches("[0-9a-f]{64}").doesNotContain("4242");
        assertThat(vault.find(merchant, stored.token())).contains(stored);
        assertThat(vault.reveal(merchant, stored.token()))
                .contains(new RevealedCard(VISA, 11, 2031, Option.some("Ada Lovelace")));
    }

    @Test
    public void aCardWithoutHolderAndOfFifteenDigitsKeepsASixDigitBin() {
        // when
        VaultedCard stored = vault.store(merchant, "cus_1", new PaymentMethodData.Card(AMEX, 1, 2030, "1234",
                Option.none()));

        // then
        assertThat(vault.find(merchant, stored.token()).get())
                .extracting(VaultedCard::bin, VaultedCard::last4, VaultedCard::brand, VaultedCard::holderName)
                .containsExactly("378282", "0005", "amex", Option.none());
        assertThat(vault.reveal(merchant, stored.token())).contains(new RevealedCard(AMEX, 1, 2030, Option.none()));
    }

    @Test
    public void theSameNumberStoredAgainReturnsTheCardSavedFirstAndAnotherNumberANewToken() {
        // given
        VaultedCard first = vault.store(merchant, "cus_1", card(VISA, 11, 2031, "Ada Lovelace"));
        now.set(T0.plusSeconds(60));

        // when
        VaultedCard again = vault.store(merchant, "cus_2", card(VISA, 12, 2033, "A. Lovelace"));
        VaultedCard other = vault.store(merchant, "cus_1", card(MASTERCARD, 11, 2031, "Ada Lovelace"));

        // then
        assertThat(again).isEqualTo(first);
        assertThat(other.token()).isNotEqualTo(first.token());
        assertThat(other.fingerprint()).isNotEqualTo(first.fingerprint());
        assertThat(vault.forCustomer(merchant, "cus_2")).isEmpty();
    }

    @Test
    public void theSameNumberAtTwoMerchantsIsTwoCardsWithUnrelatedFingerprints() {
        // when
        VaultedCard mine = vault.store(merchant, "cus_1", card(VISA, 11, 2031, "Ada Lovelace"));
        VaultedCard theirs = vault.store(otherMerchant, "cus_1", card(VISA, 11, 2031, "Ada Lovelace"));

        // then
        assertThat(theirs.token()).isNotEqualTo(mine.token());
        assertThat(theirs.fingerprint()).isNotEqualTo(mine.fingerprint());
        assertThat(vault.forCustomer(otherMerchant, "cus_1")).containsExactly(theirs);
    }

    @Test
    public void anotherMerchantNeitherFindsNorRevealsNorDeletesTheCard() {
        // given
        VaultedCard stored = vault.store(merchant, "cus_1", card(VISA, 11, 2031, "Ada Lovelace"));

        // when
        boolean deleted = vault.delete(otherMerchant, stored.token());

        // then
        assertThat(deleted).isFalse();
        assertThat(vault.find(otherMerchant, stored.token())).isEmpty();
        assertThat(vault.reveal(otherMerchant, stored.token())).isEmpty();
        assertThat(vault.forCustomer(otherMerchant, "cus_1")).isEmpty();
        assertThat(vault.find(merchant, stored.token())).contains(stored);
    }

    @Test
    public void anUnknownTokenIsNotFound() {
        // then
        assertThat(vault.find(merchant, "pm_unknown")).isEmpty();
        assertThat(vault.reveal(merchant, "pm_unknown")).isEmpty();
        assertThat(vault.delete(merchant, "pm_unknown")).isFalse();
    }

    @Test
    public void aDeletedCardIsGoneAndTheSameNumberStoredLaterGetsANewToken() {
        // given
        VaultedCard stored = vault.store(merchant, "cus_1", card(VISA, 11, 2031, "Ada Lovelace"));
        VaultedCard kept = vault.store(merchant, "cus_1", card(MASTERCARD, 11, 2031, "Ada Lovelace"));

        // when
        boolean deleted = vault.delete(merchant, stored.token());
        boolean deletedAgain = vault.delete(merchant, stored.token());
        VaultedCard storedAgain = vault.store(merchant, "cus_1", card(VISA, 11, 2031, "Ada Lovelace"));

        // then
        assertThat(deleted).isTrue();
        assertThat(deletedAgain).isFalse();
        assertThat(vault.find(merchant, stored.token())).isEmpty();
        assertThat(vault.reveal(merchant, stored.token())).isEmpty();
        assertThat(storedAgain.token()).isNotEqualTo(stored.token());
        assertThat(vault.find(merchant, kept.token())).contains(kept);
    }

    @Test
    public void aCustomersCardsAreListedOldestFirstAndNoOneElses() {
        // given
        now.set(T0.plusSeconds(2));
        VaultedCard newer = vault.store(merchant, "cus_1", card(VISA, 11, 2031, "Ada Lovelace"));
        now.set(T0.plusSeconds(1));
        VaultedCard older = vault.store(merchant, "cus_1", card(MASTERCARD, 11, 2031, "Ada Lovelace"));
        vault.store(merchant, "cus_2", card(AMEX, 11, 2031, "Charles Babbage"));

        // when
        var cards = vault.forCustomer(merchant, "cus_1");

        // then
        assertThat(cards).containsExactly(older, newer);
        assertThat(vault.forCustomer(merchant, "cus_none")).isEmpty();
    }
}
