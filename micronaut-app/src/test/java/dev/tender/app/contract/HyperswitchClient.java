package dev.tender.app.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.tender.contract.hyperswitch.ApiClient;
import dev.tender.contract.hyperswitch.api.ApiKeyApi;
import dev.tender.contract.hyperswitch.api.MandatesApi;
import dev.tender.contract.hyperswitch.api.MerchantAccountApi;
import dev.tender.contract.hyperswitch.api.MerchantConnectorAccountApi;
import dev.tender.contract.hyperswitch.api.PaymentsApi;
import dev.tender.contract.hyperswitch.api.RefundsApi;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * The client generated from Hyperswitch's published spec ({@code src/test/resources/openapi}), pointed at a
 * running Tender with one {@code api-key}, as a merchant's backend would use it. It reads answers more
 * strictly than it would by default: every property the spec requires must be there
 * ({@link RequiredProperties}), and a value must have the spec's JSON type ({@code "12"} is not an integer).
 * Enum values outside the spec already fail in the generated enums.
 */
record HyperswitchClient(ApiClient apiClient) {

    static final String MODEL_PACKAGE = "dev.tender.contract.hyperswitch.model";

    static HyperswitchClient at(URI service, String apiKey) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(service.toString().replaceFirst("/$", ""));
        client.setRequestInterceptor(request -> request.header("api-key", apiKey));
        client.setReadTimeout(Duration.ofSeconds(30));
        client.setObjectMapper(strict(client.getObjectMapper()));
        return new HyperswitchClient(client);
    }

    private static ObjectMapper strict(ObjectMapper generated) {
        ObjectMapper mapper = generated.copy();
        mapper.registerModule(new RequiredProperties(MODEL_PACKAGE));
        // "12" is not 12 nor "true" true; 12 is not "12"; 1 is not true; 12.5 is not 12
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        return mapper;
    }

    /** A body the generated API did not read itself (an error's), read as strictly as the answers. */
    <T> T read(String body, Class<T> model) throws IOException {
        return apiClient.getObjectMapper().readValue(body, model);
    }

    PaymentsApi payments() {
        return new PaymentsApi(apiClient);
    }

    RefundsApi refunds() {
        return new RefundsApi(apiClient);
    }

    MandatesApi mandates() {
        return new MandatesApi(apiClient);
    }

    MerchantAccountApi merchantAccounts() {
        return new MerchantAccountApi(apiClient);
    }

    MerchantConnectorAccountApi connectorAccounts() {
        return new MerchantConnectorAccountApi(apiClient);
    }

    ApiKeyApi apiKeys() {
        return new ApiKeyApi(apiClient);
    }
}
