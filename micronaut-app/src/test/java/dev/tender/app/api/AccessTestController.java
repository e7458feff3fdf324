package dev.tender.app.api;

import dev.tender.app.auth.Access;
import dev.tender.app.auth.AccessLevel;
import dev.tender.app.auth.Authenticated;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * TEST FIXTURE: a controller the api-key filter has never heard of, declaring its access on the class (admin)
 * and overriding it on methods, to prove the filter follows the annotations alone.
 */
@Controller("/test-fixture/access")
@Access(AccessLevel.ADMIN)
@Requires(property = ApiTestFixtures.ENABLED, value = "true")
public class AccessTestController {

    @Get("/admin")
    public String admin() {
        return "admin";
    }

    @Access(AccessLevel.PUBLIC)
    @Get("/public")
    public String open() {
        return "public";
    }

    @Access(AccessLevel.PUBLISHABLE)
    @Get("/client")
    public String client(HttpRequest<?> request) {
        return Authenticated.merchant(request).value() + (Authenticated.client(request) ? " client" : " server");
    }
}
