package dev.tender.app.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * TEST FIXTURE: endpoints that fail unexpectedly, with a card number in the exception's message, to
 * prove such a failure answers a generic 500 in the error shape, through the idempotency layer or not.
 */
@Controller("/test-fixture")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = ApiTestFixtures.ENABLED, value = "true")
public class FailingTestController {

    static final String SECRET = "4242424242424242";

    private final HttpIdempotency idempotency;

    public FailingTestController(HttpIdempotency idempotency) {
        this.idempotency = idempotency;
    }

    @Get("/boom")
    public String boom() {
        throw new IllegalStateException("card " + SECRET + " broke something");
    }

    @Post("/boom")
    public HttpResponse<String> boomThroughIdempotency(HttpRequest<?> request, @Nullable @Body String body) {
        return idempotency.run(request, body, () -> {
            throw new IllegalStateException("card " + SECRET + " broke something");
        });
    }
}
