package dev.tender.app.storage;

import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.TimeSource;
import dev.tender.ports.out.UnreadableCard;
import dev.tender.ports.out.VaultedCard;
import io.micronaut.context.ApplicationContext;
import io.vavr.collection.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Map;
import java.util.Set;

import static dev.tender.app.storage.SecretKeyFixtures.keys;
import static dev.tender.app.storage.SecretKeyFixtures.randomKey;
import static dev.tender.ports.out.CardVaultContract.AMEX;
import static dev.tender.ports.out.CardVaultContract.MASTERCARD;
import static dev.tender.ports.out.CardVaultContract.VISA;
import static dev.tender.ports.out.CardVaultContract.card;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A master key rotation of the card vault: cards wrapped under the old key open and are found again until the
 * re-wrap; the re-wrap moves every data key, and only the data keys, under the new key; then the old key can go,
 * and a re-wrap without the key of the cards is refused.
 */
class CardVaultRotationTest {

    private final SeparateDatabase database = SeparateDatabase.create("card_vault_rotation");
    private final String oldKey = randomKey();
    private final String newKey = randomKey();
    private final MerchantId merchant = MerchantId.of("m_vault_rotation");
    private final java.util.List<ApplicationContext> contexts = new ArrayList<>();

    @AfterEach
    void stop() {
        contexts.forEach(ApplicationContext::close);
    }

    @Test
    void theRewrapMovesEveryDataKeyUnderTheNewKeyAndEveryCardStillReveals() {
        // given: three cards saved under the old key
        ApplicationContext service = start(Map.of("old", oldKey), "old");
        database.sql("INSERT INTO merchants (merchant_id, merchant_name, publishable_key, created_at) "
                + "VALUES ('m_vault_rotation', 'R', 'pk_vault_rotation', now())");
        JdbcCardVault underOld = service.getBean(JdbcCardVault.class);
        List<VaultedCard> saved = List.of(VISA, MASTERCARD, AMEX)
                .map(number -> underOld.store(merchant, "cus_1", card(number, 11, 2031, "Ada Lovelace")));
        Map<String, String> numbersBefore = sealedNumbers();
        Map<String, String> wrappedBefore = wrappedKeys();
        assertThat(keyIds()).isEqualTo(Map.of("old", 3L));

        // when: the new key is configured and active, before the re-wrap
        JdbcCardVault rotated = vault(service, keys("old", oldKey, "new", newKey, "new"));

        // then: cards under the old key reveal and are found again by their number
        assertThat(rotated.reveal(merchant, saved.get(1).token()).get().number()).isEqualTo(MASTERCARD);
        assertThat(rotated.store(merchant, "cus_1", card(VISA, 11, 2031, "Ada Lovelace"))).isEqualTo(saved.get(0));

        // when: the re-wrap runs, twice
        JdbcCardVault.Outcome first = rotated.rewrapAll();
        JdbcCardVault.Outcome second = rotated.rewrapAll();

        // then: every data key moved, and nothing else of the cards
        assertThat(first).isEqualTo(new JdbcCardVault.Outcome(3, Set.of()));
        assertThat(second).isEqualTo(new JdbcCardVault.Outcome(0, Set.of()));
        assertThat(keyIds()).isEqualTo(Map.of("new", 3L));
        assertThat(sealedNumbers()).isEqualTo(numbersBefore);
        assertThat(wrappedKeys()).allSatisfy((token, wrapped) -> assertThat(wrapped)
                .isNotEqualTo(wrappedBefore.get(token)));

        // and: under the new key alone every card reveals and is found again; under the old alone none opens
        JdbcCardVault newOnly = vault(service, keys("new", newKey, "new"));
        for (VaultedCard card : saved) {
            assertThat(newOnly.reveal(merchant, card.token()).get().number()).endsWith(card.last4());
            assertThat(newOnly.find(merchant, card.token()).get().holderName()).contains("Ada Lovelace");
        }
        VaultedCard foundAgain = newOnly.store(merchant, "cus_2", card(AMEX, 1, 2030, "A. L."));
        assertThat(foundAgain.token()).isEqualTo(saved.get(2).token());
        assertThat(foundAgain.fingerprint()).as("moved under the new key").isNotEqualTo(saved.get(2).fingerprint());
        assertThatThrownBy(() -> vault(service, keys("old", oldKey, "old")).reveal(merchant, saved.get(0).token()))
                .isInstanceOf(UnreadableCard.class).hasMessageContaining("key id new");
    }

    @Test
    void aRewrapWithoutTheKeyOfTheCardsIsRefusedNamingTheKeyId() {
        // given: a card wrapped under the new key
        ApplicationContext service = start(Map.of("new", newKey), "new");
        database.sql("INSERT INTO merchants (merchant_id, merchant_name, publishable_key, created_at) "
                + "VALUES ('m_vault_rotation', 'R', 'pk_vault_rotation', now())");
        service.getBean(JdbcCardVault.class).store(merchant, "cus_1", card(VISA, 11, 2031, "Ada Lovelace"));

        // then: a vault holding only the old key refuses to re-wrap, and moves nothing
        assertThatThrownBy(() -> vault(service, keys("old", oldKey, "old")).rewrapAll())
                .hasMessageContaining("saved cards are wrapped under key ids that tender.secrets.keys does not "
                        + "hold (new)");
        assertThat(keyIds()).isEqualTo(Map.of("new", 1L));
    }

    @Test
    void aCardSavedTwiceByAnInstanceWithoutTheOldKeyIsReWrappedAndBothTokensStillReveal() {
        // given: the same number saved under the old key, then by an instance that holds only the new key
        ApplicationContext service = start(Map.of("old", oldKey), "old");
        database.sql("INSERT INTO merchants (merchant_id, merchant_name, publishable_key, created_at) "
                + "VALUES ('m_vault_rotation', 'R', 'pk_vault_rotation', now())");
        VaultedCard underOld = service.getBean(JdbcCardVault.class).store(merchant, "cus_1",
                card(VISA, 11, 2031, "Ada Lovelace"));
        VaultedCard underNew = vault(service, keys("new", newKey, "new")).store(merchant, "cus_1",
                card(VISA, 11, 2031, "Ada Lovelace"));

        // when
        JdbcCardVault rotated = vault(service, keys("old", oldKey, "new", newKey, "new"));
        JdbcCardVault.Outcome outcome = rotated.rewrapAll();

        // then
        assertThat(underNew.token()).isNotEqualTo(underOld.token());
        assertThat(outcome).isEqualTo(new JdbcCardVault.Outcome(1, Set.of()));
        assertThat(keyIds()).isEqualTo(Map.of("new", 2L));
        assertThat(rotated.find(merchant, underOld.token()).get().fingerprint()).isEqualTo(underOld.fingerprint());
        assertThat(rotated.reveal(merchant, underOld.token()).get().number()).isEqualTo(VISA);
        assertThat(rotated.reveal(merchant, underNew.token()).get().number()).isEqualTo(VISA);
    }

    private static JdbcCardVault vault(ApplicationContext service, SecretKeys keys) {
        return new JdbcCardVault(service.getBean(VaultedCardRows.class), keys, service.getBean(TimeSource.class));
    }

    /** A service over the database (no HTTP server), with only these keys: no test environment. */
    private ApplicationContext start(Map<String, String> keys, String active) {
        Map<String, Object> properties = database.properties();
        keys.forEach((id, key) -> properties.put("tender.secrets.keys." + id, key));
        properties.put("tender.secrets.active-key", active);
        properties.put("tender.reconciler.enabled", "false");
        ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).properties(properties)
                .start();
        contexts.add(context);
        return context;
    }

    private Map<String, Long> keyIds() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String id : List.of("old", "new")) {
            long n = database.count("SELECT count(*) FROM vaulted_cards WHERE key_id = '" + id + "'");
            if (n > 0) {
                counts.put(id, n);
            }
        }
        assertThat(database.count("SELECT count(*) FROM vaulted_cards")).isEqualTo(counts.values().stream()
                .mapToLong(Long::longValue).sum());
        return counts;
    }

    private Map<String, String> sealedNumbers() {
        return column("sealed_number");
    }

    private Map<String, String> wrappedKeys() {
        return column("wrapped_key");
    }

    /** Token → the column's bytes in hex. */
    private Map<String, String> column(String name) {
        Map<String, String> values = new java.util.TreeMap<>();
        try (var connection = database.connect(); var s = connection.createStatement();
             var r = s.executeQuery("SELECT token, encode(" + name + ", 'hex') FROM vaulted_cards")) {
            while (r.next()) {
                values.put(r.getString(1), r.getString(2));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }
}
