package dev.tender.app.storage;

import dev.tender.app.EmbeddedDatabase;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import org.junit.jupiter.api.Test;

import static dev.tender.app.storage.StorageFixtures.T0;
import static dev.tender.app.storage.StorageFixtures.newMerchant;
import static dev.tender.app.storage.StorageFixtures.simplePayment;
import static org.assertj.core.api.Assertions.assertThat;

/** The merchants' return URLs in PostgreSQL: one per payment, the latest kept, each merchant's own. */
class JdbcMerchantReturnUrlsTest {

    final JdbcMerchantReturnUrls urls = EmbeddedDatabase.bean(JdbcMerchantReturnUrls.class);
    final JdbcPayments payments = EmbeddedDatabase.bean(JdbcPayments.class);
    final MerchantId merchant = newMerchant("mer_return");
    final PaymentId payment = PaymentId.of("pay_return_1");

    @Test
    void theLatestUrlKeptForAPaymentIsFound() {
        // given
        payments.save(simplePayment(merchant, payment.value(), T0)).get();

        // when
        urls.keep(merchant, payment, "https://shop.example/at-create");
        urls.keep(merchant, payment, "https://shop.example/at-confirm?order=7&é=ü");

        // then
        assertThat(urls.find(merchant, payment)).contains("https://shop.example/at-confirm?order=7&é=ü");
    }

    @Test
    void aPaymentWithoutOneAndAnotherMerchantsPaymentHaveNone() {
        // given
        MerchantId other = newMerchant("mer_return_other");
        payments.save(simplePayment(merchant, payment.value(), T0)).get();
        payments.save(simplePayment(other, payment.value(), T0)).get();

        // when
        urls.keep(merchant, payment, "https://shop.example/mine");

        // then
        assertThat(urls.find(other, payment)).isEmpty();
        assertThat(urls.find(merchant, PaymentId.of("pay_return_none"))).isEmpty();
    }
}
