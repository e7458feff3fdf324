package dev.tender.connector.kit;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.Credentials;
import io.vavr.collection.HashMap;

final class Fixtures {

    static final String SECRET = "sk_test_51SecretThatMustNeverBeLogged";

    private Fixtures() {
    }

    static ConnectorAccount account() {
        return new ConnectorAccount("acc_kit", MerchantId.of("merchant_kit"), "kit", "kit", 1, true,
                Credentials.of(HashMap.of("api_key", SECRET)), HashMap.empty());
    }

    static CallContext context(String transactionId) {
        return CallContext.of(account(), PaymentId.of("pay_kit"), TransactionId.of(transactionId));
    }
}
