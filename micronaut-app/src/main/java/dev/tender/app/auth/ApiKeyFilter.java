package dev.tender.app.auth;

import dev.tender.app.http.ApiErrors;
import dev.tender.app.http.ApiException;
import dev.tender.app.storage.ApiKeyStore;
import dev.tender.app.storage.ApiKeys;
import dev.tender.app.storage.PublishableKeys;
import dev.tender.domain.payment.MerchantId;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteMatch;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates every request by its {@code api-key} header, as the {@link Access} of the route the router
 * matched asks: the admin key (configuration), a merchant's secret key (stored hashed), a merchant's publishable
 * key (a client's: browser or app, which the controllers then hold to a payment's {@code client_secret}), the
 * admin key or the secret key of the merchant the route names (with {@code x-merchant-id}, if sent, naming it as
 * well, as Hyperswitch's connector accounts take it), or no key at all (routes authenticated by a signature).
 * Failures answer 401 {@code IR_01} in Hyperswitch's error shape.
 *
 * <p>A request the router matched to no route (a 404 or a 405 to come) needs a key that every route of its path,
 * whatever their method, would take; a path of no route at all needs a secret key, the admin's or a merchant's.
 * So without such a key an unknown route answers 401, as any other, and nothing is told about a path's methods.
 * Micronaut's own endpoints and the API documentation ({@link #PUBLIC_PREFIXES}) are not Tender's controllers
 * and carry no {@link Access}: they are public by their paths.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ApiKeyFilter {

    static final String HEADER = "api-key";
    static final String MERCHANT_HEADER = "x-merchant-id";
    private static final Set<String> PUBLIC_PREFIXES = Set.of("/health", "/swagger", "/swagger-ui", "/prometheus");

    /** Who the key is: a merchant (null for the admin key or no key), and whether as its client. */
    private record Caller(@Nullable MerchantId merchant, boolean client) {
        static final Caller NOBODY = new Caller(null, false);
    }

    /**
     * What one route asks of the key, and the values of its path variables. {@code merchantVariable} is null
     * only for {@link #NO_ROUTE}.
     */
    private record Rule(AccessLevel level, @Nullable String merchantVariable, Map<String, Object> variables) {
        /** A path of no route at all: any secret key, the admin's or a merchant's, is told it is not found. */
        static final Rule NO_ROUTE = new Rule(AccessLevel.MERCHANT_OR_ADMIN, null, Map.of());

        static Rule of(RouteMatch<?> route) {
            AnnotationMetadata access = route.getAnnotationMetadata();
            return new Rule(access.enumValue(Access.class, AccessLevel.class).orElse(AccessLevel.MERCHANT),
                    access.stringValue(Access.class, "merchantVariable").orElse("merchant_id"),
                    route.getVariableValues());
        }
    }

    private final ApiKeyStore keys;
    private final PublishableKeys publishableKeys;
    private final Router router;
    private final Optional<String> adminKey;

    public ApiKeyFilter(ApiKeyStore keys, PublishableKeys publishableKeys, Router router,
                        @Nullable @Value("${tender.admin-api-key:}") String adminKey) {
        this.keys = keys;
        this.publishableKeys = publishableKeys;
        this.router = router;
        this.adminKey = Optional.ofNullable(adminKey).filter(k -> !k.isBlank());
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (PUBLIC_PREFIXES.stream().anyMatch(request.getPath()::startsWith)) {
            return null;
        }
        List<Rule> rules = rules(request);
        if (rules.stream().allMatch(rule -> rule.level() == AccessLevel.PUBLIC)) {
            return null;
        }
        Optional<String> key = request.getHeaders().get(HEADER, String.class).filter(k -> !k.isBlank());
        if (key.isEmpty()) {
            return unauthorized();
        }
        Optional<Caller> caller = Optional.empty();
        for (Rule rule : rules) {
            caller = caller(rule, key.get(), request);
            if (caller.isEmpty()) {
                return unauthorized();
            }
        }
        if (caller.get().merchant() != null) {
            request.setAttribute(Authenticated.MERCHANT_ATTRIBUTE, caller.get().merchant());
        }
        if (caller.get().client()) {
            request.setAttribute(Authenticated.CLIENT_ATTRIBUTE, true);
        }
        return null;
    }

    /**
     * The matched route's rule; for a request matched to none, the rules of every route of its path (any
     * method), or {@link Rule#NO_ROUTE} when its path has none.
     */
    private List<Rule> rules(HttpRequest<?> request) {
        Optional<RouteMatch<?>> matched = RouteAttributes.getRouteMatch(request)
                .filter(match -> match instanceof UriRouteMatch<?, ?>);
        if (matched.isPresent()) {
            return List.of(Rule.of(matched.get()));
        }
        List<Rule> atPath = router.findAny(request).stream().map(Rule::of).distinct().toList();
        return atPath.isEmpty() ? List.of(Rule.NO_ROUTE) : atPath;
    }

    private Optional<Caller> caller(Rule rule, String key, HttpRequest<?> request) {
        boolean publishable = key.startsWith(PublishableKeys.PREFIX);
        return switch (rule.level()) {
            case PUBLIC -> Optional.of(Caller.NOBODY);
            case ADMIN -> admin(key);
            case MERCHANT -> publishable ? Optional.empty() : merchant(key);
            case PUBLISHABLE -> publishable
                    ? publishableKeys.merchantOf(key).map(merchant -> new Caller(merchant, true))
                    : merchant(key);
            case MERCHANT_OR_ADMIN -> admin(key).or(() -> publishable ? Optional.empty()
                    : merchant(key).filter(caller -> named(rule, caller.merchant(), request)));
        };
    }

    private Optional<Caller> admin(String key) {
        return adminKey.filter(admin -> ApiKeys.same(admin, key)).map(admin -> Caller.NOBODY);
    }

    private Optional<Caller> merchant(String key) {
        return keys.merchantOfKey(key).map(merchant -> new Caller(merchant, false));
    }

    /**
     * Whether the route names the key's merchant in its path variable, and so does {@code x-merchant-id} if
     * the client sent it (Hyperswitch answers a route's merchant that is not the key's with 401 too). The
     * controller then reads the path's merchant, which is the key's.
     */
    private static boolean named(Rule rule, MerchantId merchant, HttpRequest<?> request) {
        if (rule.merchantVariable() == null) {
            return true;
        }
        String id = merchant.value();
        Object routeMerchant = rule.variables().get(rule.merchantVariable());
        Optional<String> headerMerchant = request.getHeaders().get(MERCHANT_HEADER, String.class);
        return routeMerchant != null && id.equals(String.valueOf(routeMerchant))
                && headerMerchant.map(id::equals).orElse(true);
    }

    private static HttpResponse<?> unauthorized() {
        return ApiErrors.response(new ApiException(401, "IR_01", "API key not provided or invalid API key used",
                false));
    }
}
