package dev.tender.app.api;

import dev.tender.app.admin.ApiKeysController;
import dev.tender.app.admin.ConnectorAccountsController;
import dev.tender.app.admin.MerchantAccountsController;
import dev.tender.domain.payment.MerchantId;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Merchant isolation on every route, over real HTTP. With merchant B's key, each of merchant A's payments,
 * refunds and mandates (and A's customer's mandates) answers exactly as an id that exists nowhere (404 HE_02),
 * lists show nothing of A's, an id of A's reused by B makes B's own, and nothing of A's moves, not even by a
 * sync, a revocation or a charge of A's mandate. A merchant's key opens
 * no admin route. The cases are keyed by the router's routes, so an endpoint added without one fails here.
 */
@MicronautTest(transactional = false)
class MerchantIsolationApiTest extends ApiTestSupport {

    private static final String THREE_DS = "4000000000003063";
    private static final String ASYNC_PENDING = "4000000000000200";

    @Inject
    Router router;

    /** A's key and id, B's key and id. */
    private String a;
    private String merchantA;
    private String b;
    private String merchantB;
    /** A's payments and refund, one per state the routes act on; the same kinds of ids that exist nowhere. */
    private Ids ofA;
    private Ids nowhere;
    /** Ids of A's that only B's creates reuse, so that B owning one of the same name spoils no other case. */
    private String paymentIdReusedByB;
    private String refundIdReusedByB;
    /** B's own captured payment, and what B owns: the lists must show exactly these. */
    private String capturedOfB;
    private final Set<String> paymentsOfB = new HashSet<>();
    private final Set<String> refundsOfB = new HashSet<>();
    /** Every read of A's things with A's key, before B's calls: request → body. */
    private Map<String, String> readsOfABefore;

    /** A payment in each state a route acts on, a refund, and a customer's active mandate. */
    private record Ids(String unconfirmed, String withoutMethod, String authorized, String captured,
                       String challenged, String pending, String refunded, String refund, String mandate,
                       String customer) {

        List<String> payments() {
            return List.of(unconfirmed, withoutMethod, authorized, captured, challenged, pending, refunded);
        }

        static Ids nowhere() {
            return new Ids(newId("pay"), newId("pay"), newId("pay"), newId("pay"), newId("pay"), newId("pay"),
                    newId("pay"), newId("ref"), newId("man"), newId("cus"));
        }
    }

    /** One route's isolation check. */
    @FunctionalInterface
    private interface Case {
        void check();
    }

    /** B's calls on the ids given: A's, then ids that exist nowhere. */
    @FunctionalInterface
    private interface Calls {
        List<Answer> on(Ids ids);
    }

    @BeforeAll
    void givenMerchantAWithAPaymentInEveryStateAndRefundsAndMerchantBWithItsOwn() {
        a = merchant("m_iso_a");
        merchantA = merchantIdOf(a);
        b = merchant("m_iso_b");
        merchantB = merchantIdOf(b);

        String unconfirmed = created(a, "{\"amount\":500,\"currency\":\"USD\"," + card(VISA) + "}");
        String withoutMethod = created(a, "{\"amount\":600,\"currency\":\"USD\"}");
        String authorized = (String) confirmedPayment(a, 1000, "manual").get("payment_id");
        String captured = (String) confirmedPayment(a, 1100, "automatic").get("payment_id");
        String challenged = created(a, "{\"amount\":1200,\"currency\":\"USD\",\"confirm\":true," + card(THREE_DS) + "}");
        String pending = created(a, "{\"amount\":1300,\"currency\":\"USD\",\"confirm\":true,"
                + card(ASYNC_PENDING) + "}");
        String refunded = (String) confirmedPayment(a, 1400, "automatic").get("payment_id");
        String refund = refunded(a, refunded, 100);
        String customer = newId("cus");
        String mandate = (String) ok(post(a, "/payments", MandatesApiTest.setup(0, customer, null))).get("mandate_id");
        ofA = new Ids(unconfirmed, withoutMethod, authorized, captured, challenged, pending, refunded, refund, mandate,
                customer);
        paymentIdReusedByB = created(a, "{\"amount\":700,\"currency\":\"USD\"}");
        refundIdReusedByB = refunded(a, refunded, 200);
        nowhere = Ids.nowhere();

        capturedOfB = (String) confirmedPayment(b, 5000, "automatic").get("payment_id");
        paymentsOfB.add(capturedOfB);
        refundsOfB.add(refunded(b, capturedOfB, 100));

        assertThat(ofA.payments().stream().map(id -> ok(get(a, "/payments/" + id)).get("status")))
                .as("A's payments, one per state").containsExactly("requires_confirmation",
                "requires_payment_method", "requires_capture", "succeeded", "requires_customer_action", "processing",
                "succeeded");
        readsOfABefore = readsOfA();
    }

    // ---------------------------------------------------------------- the payments, refunds and mandates API

    @Test
    void everyRouteOfThePaymentsRefundsAndMandatesApiHasAnIsolationCase() {
        assertThat(merchantApiCases().keySet()).as("a route without an isolation case, or a case without its route")
                .isEqualTo(routesOf(PaymentsController.class, RefundsController.class, MandatesController.class));
    }

    @TestFactory
    Stream<DynamicTest> withAnotherMerchantsKeyEveryRouteFindsNothingOfTheFirstAndMovesNothing() {
        Stream<DynamicTest> routes = eachRoute(merchantApiCases());
        DynamicTest nothingMoved = DynamicTest.dynamicTest("afterwards A reads all of its own exactly as before",
                () -> assertThat(readsOfA()).isEqualTo(readsOfABefore));
        return Stream.concat(routes, Stream.of(nothingMoved));
    }

    /** Route → its check, in route order. The bodies are valid, so an id of A's found would act. */
    private Map<String, Case> merchantApiCases() {
        Map<String, Case> cases = new TreeMap<>();
        cases.put("POST /payments", both(
                reusedByB(id -> post(b, "/payments", "{\"payment_id\":\"" + id
                        + "\",\"amount\":700,\"currency\":\"USD\"}"), "payment_id", paymentIdReusedByB, paymentsOfB),
                missing(ids -> List.of(post(b, "/payments", MandatesApiTest.charge(ids.mandate(), 100, ids.customer())),
                        post(b, "/payments", "{\"amount\":100,\"currency\":\"USD\",\"confirm\":true,"
                                + "\"off_session\":true,\"customer_id\":\"" + ids.customer() + "\","
                                + "\"recurring_details\":{\"type\":\"mandate_id\",\"data\":\"" + ids.mandate()
                                + "\"}}")))));
        cases.put("POST /payments/{payment_id}", missing(ids -> List.of(
                post(b, "/payments/" + ids.withoutMethod(), "{\"amount\":900," + card(VISA) + "}"),
                post(b, "/payments/" + ids.unconfirmed(), "{\"amount\":900,\"metadata\":{\"by\":\"b\"}}"))));
        cases.put("POST /payments/{payment_id}/confirm", missing(ids -> List.of(
                post(b, "/payments/" + ids.unconfirmed() + "/confirm", "{" + card(VISA) + "}"),
                post(b, "/payments/" + ids.withoutMethod() + "/confirm", "{" + card(VISA) + "}"))));
        cases.put("POST /payments/{payment_id}/capture", missing(ids -> List.of(
                post(b, "/payments/" + ids.authorized() + "/capture", "{}"),
                post(b, "/payments/" + ids.authorized() + "/capture", "{\"amount_to_capture\":100}"))));
        cases.put("POST /payments/{payment_id}/cancel", missing(ids -> List.of(
                post(b, "/payments/" + ids.authorized() + "/cancel", "{\"cancellation_reason\":\"by b\"}"),
                post(b, "/payments/" + ids.unconfirmed() + "/cancel", "{}"))));
        cases.put("POST /payments/{payment_id}/cancel_post_capture", missing(ids -> List.of(
                post(b, "/payments/" + ids.captured() + "/cancel_post_capture", "{}"))));
        cases.put("POST /payments/{payment_id}/incremental_authorization", missing(ids -> List.of(
                post(b, "/payments/" + ids.authorized() + "/incremental_authorization", "{\"amount\":1500}"))));
        cases.put("POST /payments/{payment_id}/complete_authorize", missing(ids -> List.of(
                post(b, "/payments/" + ids.challenged() + "/complete_authorize",
                        "{\"redirect_response\":{\"param\":\"result=success\"}}"))));
        cases.put("POST /payments/{payment_id}/update_metadata", missing(ids -> List.of(
                post(b, "/payments/" + ids.unconfirmed() + "/update_metadata", "{\"metadata\":{\"by\":\"b\"}}"))));
        cases.put("GET /payments/{payment_id}", missing(ids -> ids.payments().stream()
                .flatMap(id -> Stream.of(get(b, "/payments/" + id), get(b, "/payments/" + id + "?force_sync=true")))
                .toList()));
        cases.put("HEAD /payments/{payment_id}", missingHead(ids -> ids.payments().stream()
                .flatMap(id -> Stream.of(head(b, "/payments/" + id), head(b, "/payments/" + id + "?force_sync=true")))
                .toList()));
        cases.put("GET /payments/list", this::paymentListShowsOnlyB);
        cases.put("HEAD /payments/list", same(ids -> List.of(head(b, "/payments/list?limit=100"),
                head(b, "/payments/list?starting_after=" + ids.captured()),
                head(b, "/payments/list?ending_before=" + ids.captured())), 200));
        cases.put("POST /refunds", both(
                missing(ids -> List.of(
                        post(b, "/refunds", "{\"payment_id\":\"" + ids.captured() + "\",\"amount\":100}"),
                        post(b, "/refunds", "{\"payment_id\":\"" + ids.captured() + "\"}"),
                        post(b, "/refunds", "{\"payment_id\":\"" + ids.refunded() + "\",\"amount\":100}"))),
                reusedByB(id -> post(b, "/refunds", "{\"payment_id\":\"" + capturedOfB + "\",\"refund_id\":\"" + id
                        + "\",\"amount\":100}"), "refund_id", refundIdReusedByB, refundsOfB)));
        cases.put("GET /refunds/{refund_id}", missing(ids -> List.of(get(b, "/refunds/" + ids.refund()),
                get(b, "/refunds/" + ids.refund() + "?force_sync=true"))));
        cases.put("HEAD /refunds/{refund_id}", missingHead(ids -> List.of(head(b, "/refunds/" + ids.refund()),
                head(b, "/refunds/" + ids.refund() + "?force_sync=true"))));
        cases.put("POST /refunds/list", this::refundListShowsOnlyB);
        cases.put("GET /mandates/{mandate_id}", missing(ids -> List.of(get(b, "/mandates/" + ids.mandate()))));
        cases.put("HEAD /mandates/{mandate_id}", missingHead(ids -> List.of(head(b, "/mandates/" + ids.mandate()))));
        cases.put("POST /mandates/revoke/{mandate_id}", missing(ids -> List.of(
                post(b, "/mandates/revoke/" + ids.mandate(), "{}"), post(b, "/mandates/revoke/" + ids.mandate(), null))));
        cases.put("GET /customers/{customer_id}/mandates", missing(ids -> List.of(
                get(b, "/customers/" + ids.customer() + "/mandates"))));
        cases.put("HEAD /customers/{customer_id}/mandates", missingHead(ids -> List.of(
                head(b, "/customers/" + ids.customer() + "/mandates"))));
        return cases;
    }

    /** Each of B's calls on A's ids answers exactly as on ids that exist nowhere: 404 HE_02, no word of A. */
    private Case missing(Calls calls) {
        return () -> {
            List<Answer> onA = calls.on(ofA);
            List<Answer> onNowhere = calls.on(nowhere);
            for (int i = 0; i < onA.size(); i++) {
                Answer answer = onA.get(i);
                Map<String, Object> error = error(answer, 404);
                assertThat(error.get("code")).as(answer.body()).isEqualTo("HE_02");
                assertThat(error).as("as for an id that exists nowhere").isEqualTo(error(onNowhere.get(i), 404));
                assertThat(answer.body()).doesNotContain(merchantA);
            }
        };
    }

    /** A HEAD has no body to compare: its status and headers tell the same as for an id that exists nowhere. */
    private Case missingHead(Calls calls) {
        return () -> {
            List<Answer> onA = calls.on(ofA);
            List<Answer> onNowhere = calls.on(nowhere);
            for (int i = 0; i < onA.size(); i++) {
                assertThat(onA.get(i).status()).isEqualTo(404);
                assertThat(headers(onA.get(i))).isEqualTo(headers(onNowhere.get(i)));
            }
        };
    }

    /** B's calls answer the given status, exactly as on ids that exist nowhere. */
    private Case same(Calls calls, int status) {
        return () -> {
            List<Answer> onA = calls.on(ofA);
            List<Answer> onNowhere = calls.on(nowhere);
            for (int i = 0; i < onA.size(); i++) {
                assertThat(onA.get(i).status()).isEqualTo(status);
                assertThat(onA.get(i).body()).isEqualTo(onNowhere.get(i).body());
                assertThat(headers(onA.get(i))).isEqualTo(headers(onNowhere.get(i)));
            }
        };
    }

    /**
     * B creating with an id A already uses gets its own, answered as with a new id: no "already exists" to
     * tell that A has it.
     */
    private Case reusedByB(Function<String, Answer> create, String idField, String idOfA, Set<String> ownedByB) {
        return () -> {
            Map<String, Object> reused = ok(create.apply(idOfA));
            ownedByB.add(idOfA);
            String freshId = newId(idOfA.substring(0, 3));
            Map<String, Object> fresh = ok(create.apply(freshId));
            ownedByB.add(freshId);

            assertThat(reused).containsEntry(idField, idOfA);
            assertThat(fresh).containsEntry(idField, freshId);
            assertThat(reused.keySet()).isEqualTo(fresh.keySet());
            assertThat(reused.get("status")).isEqualTo(fresh.get("status"));
            assertThat(reused.get("amount")).isEqualTo(fresh.get("amount"));
            assertThat(reused.toString()).doesNotContain(merchantA).contains(merchantB);
        };
    }

    private Case both(Case first, Case second) {
        return () -> {
            first.check();
            second.check();
        };
    }

    private void paymentListShowsOnlyB() {
        Map<String, Object> all = ok(get(b, "/payments/list?limit=100"));

        assertThat(field(all, "payment_id")).containsExactlyInAnyOrderElementsOf(paymentsOfB)
                .doesNotContainAnyElementsOf(ofA.payments());
        assertThat(field(all, "merchant_id")).containsOnly(merchantB);
        // a cursor of A's is no cursor at all, as one that exists nowhere
        for (String cursor : List.of("starting_after", "ending_before")) {
            for (String id : ofA.payments()) {
                Answer onA = get(b, "/payments/list?limit=100&" + cursor + "=" + id);
                assertThat(ok(onA)).as(cursor + "=" + id).isEqualTo(ok(get(b, "/payments/list?limit=100&" + cursor
                        + "=" + nowhere.captured())));
                assertThat(onA.body()).doesNotContain(merchantA);
            }
        }
    }

    private void refundListShowsOnlyB() {
        Map<String, Object> all = ok(post(b, "/refunds/list", "{\"limit\":100}"));

        assertThat(field(all, "refund_id")).containsExactlyInAnyOrderElementsOf(refundsOfB)
                .doesNotContain(ofA.refund());
        assertThat(field(all, "merchant_connector_id")).containsOnly("acc_" + merchantB);
        for (Function<Ids, String> filter : List.<Function<Ids, String>>of(
                ids -> "{\"payment_id\":\"" + ids.refunded() + "\"}",
                ids -> "{\"payment_id\":\"" + ids.captured() + "\",\"limit\":100}",
                ids -> "{\"refund_id\":\"" + ids.refund() + "\"}",
                ids -> "{\"payment_id\":\"" + ids.refunded() + "\",\"refund_id\":\"" + ids.refund() + "\"}")) {
            Answer onA = post(b, "/refunds/list", filter.apply(ofA));
            assertThat(ok(onA)).as(filter.apply(ofA)).isEqualTo(Map.of("count", 0, "total_count", 0, "data", List.of()))
                    .isEqualTo(ok(post(b, "/refunds/list", filter.apply(nowhere))));
        }
    }

    /** A's reads with A's own key: each payment and refund, and both lists. */
    private Map<String, String> readsOfA() {
        Map<String, String> reads = new LinkedHashMap<>();
        List<String> payments = Stream.concat(ofA.payments().stream(), Stream.of(paymentIdReusedByB)).toList();
        for (String id : payments) {
            reads.put("GET /payments/" + id, read(get(a, "/payments/" + id)));
        }
        for (String id : List.of(ofA.refund(), refundIdReusedByB)) {
            reads.put("GET /refunds/" + id, read(get(a, "/refunds/" + id)));
        }
        reads.put("GET /mandates/" + ofA.mandate(), read(get(a, "/mandates/" + ofA.mandate())));
        reads.put("GET /customers/" + ofA.customer() + "/mandates",
                read(get(a, "/customers/" + ofA.customer() + "/mandates")));
        reads.put("GET /payments/list", read(get(a, "/payments/list?limit=100")));
        reads.put("POST /refunds/list", read(post(a, "/refunds/list", "{\"limit\":100}")));
        return reads;
    }

    private String read(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }

    // ---------------------------------------------------------------- the admin API

    @Test
    void everyRouteOfTheAdminApiHasACase() {
        assertThat(adminCases().keySet()).as("a route without a case, or a case without its route")
                .isEqualTo(routesOf(MerchantAccountsController.class, ApiKeysController.class,
                        ConnectorAccountsController.class));
    }

    @TestFactory
    Stream<DynamicTest> aMerchantsKeyIsRefusedOnEveryAdminRoute() {
        int keysOfA = merchants.apiKeys(merchantA).size();
        int accountsOfA = accounts.forMerchant(MerchantId.of(merchantA)).size();
        String nameOfA = merchants.find(merchantA).orElseThrow().merchantName();
        Stream<DynamicTest> routes = eachRoute(adminCases());
        DynamicTest nothingChanged = DynamicTest.dynamicTest("afterwards A and B have what they had", () -> {
            assertThat(merchants.apiKeys(merchantA)).hasSize(keysOfA);
            assertThat(merchants.apiKeys(merchantA).get(0).name()).isEqualTo("test");
            assertThat(merchants.apiKeys(merchantB)).hasSize(1);
            assertThat(accounts.forMerchant(MerchantId.of(merchantA))).hasSize(accountsOfA);
            assertThat(accounts.forMerchant(MerchantId.of(merchantB))).hasSize(1);
            assertThat(accounts.entry(MerchantId.of(merchantA), "acc_" + merchantA).get().account().label())
                    .isEqualTo("default");
            assertThat(merchants.find(merchantA).orElseThrow().merchantName()).isEqualTo(nameOfA);
            assertThat(merchants.find(merchantB)).isPresent();
            assertThat(merchants.find("m_by_" + merchantA)).isEmpty();
            assertThat(merchants.find("m_by_" + merchantB)).isEmpty();
            assertThat(ok(get(a, "/payments/list?limit=1")).get("size")).isEqualTo(1);
        });
        return Stream.concat(routes, Stream.of(nothingChanged));
    }

    /**
     * Route → its check: with A's key and with B's, each call is refused 401 IR_01 before it reaches the admin;
     * A's connector accounts, which A's own key opens as in Hyperswitch, with B's key.
     */
    private Map<String, Case> adminCases() {
        String keyOfA = "key_" + merchantA;
        String accountOfA = "/account/" + merchantA + "/connectors/acc_" + merchantA;
        Map<String, Case> cases = new TreeMap<>();
        cases.put("POST /accounts", refused(key -> List.of(post(key, "/accounts",
                "{\"merchant_id\":\"m_by_" + merchantIdOf(key) + "\",\"merchant_name\":\"Shop\"}"))));
        cases.put("GET /accounts/list", refused(key -> List.of(get(key, "/accounts/list"))));
        cases.put("HEAD /accounts/list", refusedHead(key -> List.of(head(key, "/accounts/list"))));
        cases.put("GET /accounts/{account_id}", refused(key -> List.of(get(key, "/accounts/" + merchantA))));
        cases.put("HEAD /accounts/{account_id}", refusedHead(key -> List.of(head(key, "/accounts/" + merchantA))));
        cases.put("POST /accounts/{account_id}", refused(key -> List.of(post(key, "/accounts/" + merchantA,
                "{\"merchant_id\":\"" + merchantA + "\",\"merchant_name\":\"Renamed\"}"))));
        cases.put("DELETE /accounts/{account_id}", refused(key -> List.of(delete(key, "/accounts/" + merchantA),
                delete(key, "/accounts/" + merchantIdOf(key)))));
        cases.put("POST /api_keys/{merchant_id}", refused(key -> List.of(
                post(key, "/api_keys/" + merchantA, "{\"name\":\"stolen\",\"expiration\":\"never\"}"),
                post(key, "/api_keys/" + merchantIdOf(key), "{\"name\":\"another\"}"))));
        cases.put("GET /api_keys/{merchant_id}/list", refused(key -> List.of(get(key, "/api_keys/" + merchantA
                + "/list"))));
        cases.put("HEAD /api_keys/{merchant_id}/list", refusedHead(key -> List.of(head(key, "/api_keys/" + merchantA
                + "/list"))));
        cases.put("GET /api_keys/{merchant_id}/{key_id}", refused(key -> List.of(get(key, "/api_keys/" + merchantA
                + "/" + keyOfA))));
        cases.put("HEAD /api_keys/{merchant_id}/{key_id}", refusedHead(key -> List.of(head(key, "/api_keys/"
                + merchantA + "/" + keyOfA))));
        cases.put("POST /api_keys/{merchant_id}/{key_id}", refused(key -> List.of(post(key, "/api_keys/"
                + merchantA + "/" + keyOfA, "{\"name\":\"renamed\"}"))));
        cases.put("DELETE /api_keys/{merchant_id}/{key_id}", refused(key -> List.of(delete(key, "/api_keys/"
                + merchantA + "/" + keyOfA), delete(key, "/api_keys/" + merchantIdOf(key) + "/key_"
                + merchantIdOf(key)))));
        cases.put("POST /account/{account_id}/connectors", refusedToB(key -> List.of(
                post(key, "/account/" + merchantA + "/connectors", "{\"connector_type\":\"payment_processor\","
                        + "\"connector_name\":\"simulator\",\"connector_label\":\"by_" + merchantIdOf(key) + "\"}"))));
        cases.put("GET /account/{account_id}/connectors", refusedToB(key -> List.of(
                get(key, "/account/" + merchantA + "/connectors"))));
        cases.put("HEAD /account/{account_id}/connectors", refusedHeadToB(key -> List.of(
                head(key, "/account/" + merchantA + "/connectors"))));
        cases.put("GET /account/{account_id}/connectors/{merchant_connector_id}", refusedToB(key -> List.of(
                get(key, accountOfA))));
        cases.put("HEAD /account/{account_id}/connectors/{merchant_connector_id}", refusedHeadToB(key -> List.of(
                head(key, accountOfA))));
        cases.put("POST /account/{account_id}/connectors/{merchant_connector_id}", refusedToB(key -> List.of(
                post(key, accountOfA, "{\"connector_type\":\"payment_processor\",\"status\":\"active\","
                        + "\"connector_label\":\"by_" + merchantIdOf(key) + "\",\"disabled\":true}"))));
        cases.put("DELETE /account/{account_id}/connectors/{merchant_connector_id}", refusedToB(key -> List.of(
                delete(key, accountOfA))));
        return cases;
    }

    private Case refused(Function<String, List<Answer>> calls) {
        return refused(List.of(a, b), calls);
    }

    private Case refusedToB(Function<String, List<Answer>> calls) {
        return refused(List.of(b), calls);
    }

    private Case refused(List<String> keys, Function<String, List<Answer>> calls) {
        return () -> {
            for (String key : keys) {
                for (Answer answer : calls.apply(key)) {
                    assertThat(error(answer, 401)).containsEntry("code", "IR_01");
                    assertThat(answer.body()).doesNotContain(merchantA);
                }
            }
        };
    }

    private Case refusedHead(Function<String, List<Answer>> calls) {
        return refusedHead(List.of(a, b), calls);
    }

    private Case refusedHeadToB(Function<String, List<Answer>> calls) {
        return refusedHead(List.of(b), calls);
    }

    private Case refusedHead(List<String> keys, Function<String, List<Answer>> calls) {
        return () -> {
            for (String key : keys) {
                for (Answer answer : calls.apply(key)) {
                    assertThat(answer.status()).isEqualTo(401);
                }
            }
        };
    }

    // ---------------------------------------------------------------- helpers

    /** A test per route, named by it; a failure says which route. */
    private static Stream<DynamicTest> eachRoute(Map<String, Case> cases) {
        return cases.entrySet().stream().map(route -> DynamicTest.dynamicTest(route.getKey(), () -> {
            try {
                route.getValue().check();
            } catch (AssertionError e) {
                throw new AssertionError(route.getKey() + ": " + e.getMessage(), e);
            }
        }));
    }

    /** Every route of the controllers as "METHOD template". */
    private Set<String> routesOf(Class<?>... controllers) {
        Set<Class<?>> wanted = Set.of(controllers);
        // a controller with advised methods (@Idempotent) is served by its generated subclass
        Set<String> routes = router.uriRoutes().filter(route -> wanted.stream()
                        .anyMatch(controller -> controller.isAssignableFrom(route.getDeclaringType())))
                .map(route -> route.getHttpMethodName() + " " + route.getUriMatchTemplate().toPathString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(routes).as("routes of " + wanted).isNotEmpty();
        return routes;
    }

    private Answer delete(String apiKey, String path) {
        return send(HttpRequest.DELETE(path).header("api-key", apiKey));
    }

    private Answer head(String apiKey, String path) {
        return send(HttpRequest.HEAD(path).header("api-key", apiKey));
    }

    /** What a HEAD tells: its content type and length. */
    private static Map<String, String> headers(Answer answer) {
        Map<String, String> headers = new TreeMap<>();
        answer.response().getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("content-type") || name.equalsIgnoreCase("content-length")) {
                headers.put(name.toLowerCase(), String.join(",", values));
            }
        });
        return headers;
    }

    private String created(String apiKey, String body) {
        return (String) ok(post(apiKey, "/payments", body)).get("payment_id");
    }

    private String refunded(String apiKey, String paymentId, long amount) {
        return (String) ok(post(apiKey, "/refunds", "{\"payment_id\":\"" + paymentId + "\",\"amount\":" + amount
                + "}")).get("refund_id");
    }

    /** One field of every item of a list answer. */
    private static List<String> field(Map<String, Object> list, String name) {
        return ((List<?>) list.get("data")).stream().map(item -> (String) ((Map<?, ?>) item).get(name)).toList();
    }

    /** An id no one has used yet. */
    private static String newId(String prefix) {
        return prefix + "_iso_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }
}
