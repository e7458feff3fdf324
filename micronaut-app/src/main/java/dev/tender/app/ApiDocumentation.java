package dev.tender.app;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;

/**
 * The OpenAPI description, generated from the controllers at compile time and served at
 * {@code /swagger/tender-0.1.yml}, with Swagger UI at {@code /swagger-ui}.
 */
@OpenAPIDefinition(info = @Info(title = "tender", version = "0.1",
        description = "Tender: payments, refunds and mandates, following Hyperswitch's v1 API",
        license = @License(name = "Apache-2.0")))
final class ApiDocumentation {

    private ApiDocumentation() {
    }
}
