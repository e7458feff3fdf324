package dev.tender.app.auth;

import dev.tender.app.admin.ApiKeysController;
import dev.tender.app.admin.ConnectorAccountsController;
import dev.tender.app.admin.MerchantAccountsController;
import dev.tender.app.admin.MerchantStore;
import dev.tender.app.api.PaymentsController;
import dev.tender.app.api.WebhooksController;
import dev.tender.app.api.ApiErrors;
import dev.tender.app.api.ApiException;
import dev.tender.app.api.RedirectReturnController;
import dev.tender.domain.payment.MerchantId;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Authenticates every request by its {@code api-key} header: the admin key (configuration) for the
 * admin resources, a merchant's key (stored hashed) for everything else. A merchant's own connector accounts
 * ({@code /account/{merchant_id}/connectors}) take its secret key too, as Hyperswitch's do: only on its own
 * {@code merchant_id}, and an {@code x-merchant-id} header, if sent, must name that merchant as well (401
 * {@code IR_01} otherwise, as Hyperswitch answers a route's merchant that is not the key's). A merchant's
 * publishable key
 * (a client's: browser or app) opens only confirming, retrieving and completing one payment, and the
 * controllers then require that payment's {@code client_secret}. {@code /health}, the API documentation,
 * the customer's return from a redirect and processors' webhooks (both signed instead) need no key. Failures answer 401
 * {@code IR_01} in Hyperswitch's error shape.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ApiKeyFilter {

    static final String HEADER = "api-key";
    static final String MERCHANT_HEADER = "x-merchant-id";
    private static final Set<Class<?>> ADMIN_CONTROLLERS = Set.of(MerchantAccountsController.class,
            ApiKeysController.class, ConnectorAccountsController.class);
    private static final Set<String> ADMIN_PREFIXES = Set.of("/accounts", "/api_keys", "/account/");
    private static final Set<String> PUBLIC_PREFIXES = Set.of("/health", "/swagger", "/swagger-ui", "/prometheus");

    /** What a publishable key opens: a payment's confirm, retrieve and complete_authorize. */
    private static final Pattern CLIENT_ROUTES = Pattern.compile(
            "POST /payments/(?!list$)[^/]+/(confirm|complete_authorize)|GET /payments/(?!list$)[^/]+");

    private final MerchantStore merchants;
    private final PublishableKeys publishableKeys;
    private final Optional<String> adminKey;

    public ApiKeyFilter(MerchantStore merchants, PublishableKeys publishableKeys,
                        @Nullable @Value("${tender.admin-api-key:}") String adminKey) {
        this.merchants = merchants;
        this.publishableKeys = publishableKeys;
        this.adminKey = Optional.ofNullable(adminKey).filter(k -> !k.isBlank());
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        String path = request.getPath();
        if (PUBLIC_PREFIXES.stream().anyMatch(path::startsWith) || isCustomerReturn(request)
                || routedTo(request, Set.of(WebhooksController.class))) {
            return null;
        }
        Optional<String> key = request.getHeaders().get(HEADER, String.class).filter(k -> !k.isBlank());
        if (key.isEmpty()) {
            return unauthorized();
        }
        if (ADMIN_PREFIXES.stream().anyMatch(path::startsWith) || routedTo(request, ADMIN_CONTROLLERS)) {
            if (adminKey.filter(admin -> ApiKeys.same(admin, key.get())).isPresent()) {
                return null;
            }
            return ownConnectorAccounts(request, key.get()) ? null : unauthorized();
        }
        if (key.get().startsWith(PublishableKeys.PREFIX)) {
            boolean clientRoute = CLIENT_ROUTES.matcher(request.getMethodName() + " " + path).matches()
                    && routedTo(request, Set.of(PaymentsController.class));
            Optional<MerchantId> client = clientRoute ? publishableKeys.merchantOf(key.get()) : Optional.empty();
            if (client.isEmpty()) {
                return unauthorized();
            }
            request.setAttribute(Authenticated.MERCHANT_ATTRIBUTE, client.get());
            request.setAttribute(Authenticated.CLIENT_ATTRIBUTE, true);
            return null;
        }
        Optional<MerchantId> merchant = merchants.merchantOfKey(key.get());
        if (merchant.isEmpty()) {
            return unauthorized();
        }
        request.setAttribute(Authenticated.MERCHANT_ATTRIBUTE, merchant.get());
        return null;
    }

    /**
     * A merchant's secret key on its own connector accounts: the route must be the connector accounts'
     * (not merely a path that starts like it), its {@code account_id} the key's merchant, and so must
     * {@code x-merchant-id} be if the client sent it. The controller then reads the path's merchant, which
     * is the key's.
     */
    private boolean ownConnectorAccounts(HttpRequest<?> request, String key) {
        if (key.startsWith(PublishableKeys.PREFIX) || !routedTo(request, Set.of(ConnectorAccountsController.class))) {
            return false;
        }
        Optional<MerchantId> merchant = merchants.merchantOfKey(key);
        if (merchant.isEmpty()) {
            return false;
        }
        String id = merchant.get().value();
        Optional<String> routeMerchant = RouteAttributes.getRouteMatch(request)
                .filter(match -> match instanceof UriRouteMatch<?, ?>)
                .map(match -> ((UriRouteMatch<?, ?>) match).getVariableValues().get("account_id"))
                .map(String::valueOf);
        Optional<String> headerMerchant = request.getHeaders().get(MERCHANT_HEADER, String.class);
        boolean own = routeMerchant.equals(Optional.of(id)) && headerMerchant.map(id::equals).orElse(true);
        if (own) {
            request.setAttribute(Authenticated.MERCHANT_ATTRIBUTE, merchant.get());
        }
        return own;
    }

    /**
     * The customer's browser back from a redirect has no key: it is authenticated by Tender's signature,
     * which the controller verifies. Decided by the route the router matched, not by the path's text, so
     * no other route can pass for it.
     */
    /**
     * Whether the router matched the request to a method of one of these controllers: the path prefixes
     * above say the same, and this holds whatever spelling of a path the router would still match.
     */
    private static boolean routedTo(HttpRequest<?> request, Set<Class<?>> controllers) {
        return RouteAttributes.getRouteMatch(request)
                .filter(match -> match instanceof MethodBasedRouteMatch<?, ?> method
                        && controllers.contains(method.getDeclaringType()))
                .isPresent();
    }

    private static boolean isCustomerReturn(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .filter(match -> match instanceof MethodBasedRouteMatch<?, ?> method
                        && method.getDeclaringType() == RedirectReturnController.class)
                .isPresent();
    }

    private static HttpResponse<?> unauthorized() {
        return ApiErrors.response(new ApiException(401, "IR_01", "API key not provided or invalid API key used",
                false));
    }
}
