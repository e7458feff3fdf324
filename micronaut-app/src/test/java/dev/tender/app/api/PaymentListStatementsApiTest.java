package dev.tender.app.api;

import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.Credentials;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /payments/list} reads a page in a fixed number of SQL statements, whatever its size: the
 * connector accounts, mandates and kept fields of its payments are read for the page, not per payment.
 * The statements are counted by {@link CountingDriver}, under the pool of the service.
 */
@MicronautTest(transactional = false)
class PaymentListStatementsApiTest extends ApiTestSupport {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
        properties.put("datasources.default.url", properties.get("datasources.default.url")
                .replaceFirst("^jdbc:", CountingDriver.PREFIX));
        properties.put("datasources.default.driver-class-name", CountingDriver.class.getName());
        return properties;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPageOfSixPaymentsOnThreeAccountsTakesAsManyStatementsAsAPageOfTwo() {
        // given: on each of three accounts, a mandate's setup and a charge of it (a new account of a lower
        // priority number routes first)
        String key = merchant("m_list_statements");
        MerchantId merchant = MerchantId.of(merchantIdOf(key));
        String customer = "cus_" + UUID.randomUUID().toString().substring(0, 8);
        for (int account = 0; account < 3; account++) {
            if (account > 0) {
                accounts.add(new ConnectorAccount("acc_" + account + "_" + merchant.value(), merchant, "simulator",
                        "account " + account, -account, true, Credentials.of(io.vavr.collection.HashMap.empty()),
                        io.vavr.collection.HashMap.empty()));
            }
            // a mandate set up with the card, then charged: a charge shows its mandate's setup card
            String mandateId = (String) ok(post(key, "/payments", MandatesApiTest.setup(1000, customer, null)))
                    .get("mandate_id");
            ok(post(key, "/payments", MandatesApiTest.charge(mandateId, 500, customer)));
        }
        ok(get(key, "/payments/list?limit=6")); // the first request of the merchant warms what it warms

        // when
        long two = statements(() -> ok(get(key, "/payments/list?limit=2")));
        long six = statements(() -> ok(get(key, "/payments/list?limit=6")));
        Map<String, Object> page = ok(get(key, "/payments/list?limit=6"));

        // then
        List<Map<String, Object>> data = (List<Map<String, Object>>) page.get("data");
        assertThat(data).hasSize(6);
        assertThat(data).extracting(p -> p.get("merchant_connector_id")).doesNotContainNull()
                .containsOnly("acc_" + merchant.value(), "acc_1_" + merchant.value(), "acc_2_" + merchant.value());
        assertThat(data).extracting(p -> p.get("connector")).containsOnly("simulator");
        assertThat(data).extracting(p -> p.get("mandate_id")).doesNotContainNull();
        assertThat(data.stream().map(p -> p.get("mandate_id")).distinct()).hasSize(3);
        assertThat(data).extracting(p -> ((Map<String, Map<String, Object>>) p.get("payment_method_data"))
                .get("card").get("last4")).containsOnly("4242");
        assertThat(six).as("statements for a page of six, as for a page of two").isEqualTo(two);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPageOfSixRefundsOfPaymentsOnThreeAccountsTakesAsManyStatementsAsAPageOfTwo() {
        // given: on each of three accounts, two payments refunded in part
        String key = merchant("m_refund_statements");
        MerchantId merchant = MerchantId.of(merchantIdOf(key));
        for (int account = 0; account < 3; account++) {
            if (account > 0) {
                accounts.add(new ConnectorAccount("acc_" + account + "_" + merchant.value(), merchant, "simulator",
                        "account " + account, -account, true, Credentials.of(io.vavr.collection.HashMap.empty()),
                        io.vavr.collection.HashMap.empty()));
            }
            for (int payment = 0; payment < 2; payment++) {
                String paymentId = (String) confirmedPayment(key, 1000, "automatic").get("payment_id");
                ok(post(key, "/refunds", "{\"payment_id\":\"" + paymentId + "\",\"amount\":100}"));
            }
        }
        String all = "{\"limit\":6,\"connector\":[\"simulator\"]}";
        ok(post(key, "/refunds/list", all)); // the first request of the merchant warms what it warms

        // when
        long two = statements(() -> ok(post(key, "/refunds/list", "{\"limit\":2,\"connector\":[\"simulator\"]}")));
        long six = statements(() -> ok(post(key, "/refunds/list", all)));
        Map<String, Object> page = ok(post(key, "/refunds/list", all));

        // then
        List<Map<String, Object>> data = (List<Map<String, Object>>) page.get("data");
        assertThat(data).hasSize(6);
        assertThat(data).extracting(refund -> refund.get("merchant_connector_id"))
                .containsOnly("acc_" + merchant.value(), "acc_1_" + merchant.value(), "acc_2_" + merchant.value());
        assertThat(data).extracting(refund -> refund.get("connector")).containsOnly("simulator");
        assertThat(six).as("statements for a page of six, as for a page of two").isEqualTo(two);
    }

    /** The statements made while the request ran (no job runs in these tests: nothing else makes any). */
    private static long statements(Supplier<?> request) {
        long before = CountingDriver.statements();
        request.get();
        return CountingDriver.statements() - before;
    }
}
