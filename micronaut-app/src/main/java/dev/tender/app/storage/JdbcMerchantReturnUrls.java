package dev.tender.app.storage;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.ports.out.MerchantReturnUrls;
import io.vavr.control.Option;
import jakarta.inject.Singleton;

/**
 * The merchants' return URLs in the {@code redirect_returns} table, one per payment, through
 * {@link RedirectReturnRows} (Micronaut Data JDBC). Each call is one statement: outside a unit of work it runs
 * alone, inside one it joins the unit's transaction.
 */
@Singleton
final class JdbcMerchantReturnUrls implements MerchantReturnUrls {

    private final RedirectReturnRows rows;

    JdbcMerchantReturnUrls(RedirectReturnRows rows) {
        this.rows = rows;
    }

    @Override
    public void keep(MerchantId merchantId, PaymentId paymentId, String returnUrl) {
        rows.keep(merchantId.value(), paymentId.value(), returnUrl);
    }

    @Override
    public Option<String> find(MerchantId merchantId, PaymentId paymentId) {
        return Option.ofOptional(rows.findById(new RedirectReturnRow.Key(merchantId.value(), paymentId.value())))
                .map(RedirectReturnRow::returnUrl);
    }
}
