package dev.tender.ports.out;

import dev.tender.domain.payment.MerchantId;
import io.vavr.collection.List;
import io.vavr.control.Option;

/**
 * The merchant's saved cards, by token ({@code pm_…}). The rest of Tender sees tokens and display data
 * ({@link VaultedCard}), never a card number: {@link #reveal} is the only way a number leaves the vault, and it
 * is called only to send the card to a processor. The CVC is never stored (it is not even a parameter).
 * Every call is scoped to a merchant: another merchant's token is not found.
 *
 * <p>A card the vault holds but cannot open (a key no longer configured, a value moved to another record or
 * changed) fails closed: {@link UnreadableCard} is thrown, nothing is guessed.
 */
public interface CardVault {

    /**
     * Saves the card for the customer and returns it as saved. The same number stored again for the merchant
     * returns the card saved first, as it was saved (its token, customer and expiry), found by its fingerprint
     * without decrypting anything.
     */
    VaultedCard store(MerchantId merchantId, String customerId, PaymentMethodData.Card card);

    /** The card's display data; none for a token the merchant does not have. */
    Option<VaultedCard> find(MerchantId merchantId, String token);

    /**
     * The card's number and expiry, to send to a processor and for nothing else (never logged, never returned
     * by the API); none for a token the merchant does not have.
     */
    Option<RevealedCard> reveal(MerchantId merchantId, String token);

    /** Forgets the card; false if the merchant had no card of that token. */
    boolean delete(MerchantId merchantId, String token);

    /** The customer's cards, oldest first (equal times in token order). */
    List<VaultedCard> forCustomer(MerchantId merchantId, String customerId);
}
