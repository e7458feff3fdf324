package dev.tender.app.admin;

import dev.tender.app.storage.JdbcConnectorAccounts;
import dev.tender.app.storage.MerchantStore;
import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.Credentials;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.vavr.collection.HashMap;
import jakarta.inject.Singleton;

/**
 * For the development run: a demo merchant with a simulator account and an API key, printed once, so a
 * newcomer can call the API at once. Created only if the demo merchant does not exist yet.
 */
@Singleton
@Requires(property = "tender.demo.enabled", value = "true")
public class DemoData implements ApplicationEventListener<ServerStartupEvent> {

    static final String MERCHANT = "merchant_demo";

    private final MerchantStore merchants;
    private final JdbcConnectorAccounts accounts;

    public DemoData(MerchantStore merchants, JdbcConnectorAccounts accounts) {
        this.merchants = merchants;
        this.accounts = accounts;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (merchants.find(MERCHANT).isPresent()) {
            return;
        }
        try {
            merchants.create(MERCHANT, "Demo merchant");
        } catch (MerchantStore.DuplicateMerchantException deleted) {
            // the demo merchant was deleted through the admin API: its id stays taken
            return;
        }
        String key = merchants.createApiKey(MERCHANT, "key_demo", "demo");
        accounts.add(new ConnectorAccount("mca_demo_simulator", MerchantId.of(MERCHANT), "simulator",
                "simulator_default", 0, true, Credentials.of(HashMap.empty()), HashMap.empty()));
        int port = event.getSource().getPort();
        System.out.println("""

                Tender is running on http://localhost:%d with an embedded PostgreSQL.
                Demo merchant: %s, with a simulator connector account.
                API key (shown once): %s

                  curl -s http://localhost:%d/payments -H 'api-key: %s' -H 'Content-Type: application/json' \\
                    -d '{"amount":1000,"currency":"USD","confirm":true,"capture_method":"automatic",
                         "payment_method":"card","payment_method_data":{"card":{"card_number":"4242424242424242",
                         "card_exp_month":"12","card_exp_year":"2030","card_cvc":"123"}}}'
                """.formatted(port, MERCHANT, key, port, key));
    }
}
