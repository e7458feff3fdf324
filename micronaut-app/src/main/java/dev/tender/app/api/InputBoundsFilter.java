package dev.tender.app.api;

import dev.tender.app.http.ApiErrors;
import dev.tender.app.http.ApiException;
import dev.tender.app.http.Text;
import dev.tender.ports.in.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import io.vavr.collection.List;

import java.util.Map;
import java.util.Optional;

/**
 * The one door every request passes before authentication, routing to a controller, a query or a processor
 * call: text that no field can hold is refused here with {@code IR_06} naming where it was, so nothing
 * downstream (PostgreSQL, which takes no NUL in text and no lone surrogate in {@code jsonb}, nor the JSON
 * encoder, which gives up on deep nesting) ever sees it, and nothing is half done when it is refused.
 *
 * <ul>
 *   <li>path ids and query parameters: valid UTF-8, no NUL, at most {@value #MAX_PATH_ID} /
 *   {@value #MAX_QUERY_VALUE} characters;</li>
 *   <li>a body: valid UTF-8; a JSON body also within {@link JsonLimits} (nesting, string length, no NUL nor
 *   lone surrogate in any name or value).</li>
 * </ul>
 * A processor's webhook is only held to UTF-8: its signature covers the bytes, and its fields are bounded
 * where the connector hands them over. A browser's return from a redirect carries the processor's
 * parameters, which may be long: they are held to the body's length instead of the query's, and its form is
 * held to the query's other rules.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(-100) // before ApiKeyFilter, which queries by what the request names
public class InputBoundsFilter {

    static final int MAX_PATH_ID = 255;
    static final int MAX_QUERY_VALUE = 2048;

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request, @Nullable @Body byte[] body) {
        try {
            checkPath(request);
            checkQuery(request);
            checkBody(request, body);
            return null;
        } catch (ApiException refused) {
            return ApiErrors.response(refused);
        }
    }

    private static void checkPath(HttpRequest<?> request) {
        if (Text.decodeUtf8(Text.percentDecoded(request.getUri().getRawPath(), false)).isEmpty()) {
            throw refused("path", "is not valid UTF-8 once percent-decoded");
        }
        Optional<UriRouteMatch<?, ?>> route = RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance).map(match -> (UriRouteMatch<?, ?>) match);
        Map<String, Object> variables = route.map(UriRouteMatch::getVariableValues).orElse(Map.of());
        for (Map.Entry<String, Object> variable : variables.entrySet()) {
            if (variable.getValue() instanceof String value) {
                Text.problem(value, MAX_PATH_ID).forEach(problem -> {
                    throw refused(variable.getKey(), problem);
                });
            }
        }
        if (Text.problem(request.getPath(), Integer.MAX_VALUE).isDefined()) {
            throw refused("path", "must not contain NUL characters");
        }
    }

    private static void checkQuery(HttpRequest<?> request) {
        String raw = request.getUri().getRawQuery();
        if (raw == null) {
            return;
        }
        if (Text.decodeUtf8(Text.percentDecoded(raw, true)).isEmpty()) {
            throw refused("query", "is not valid UTF-8 once percent-decoded");
        }
        int maxValue = routedTo(request, RedirectReturnController.class) ? Integer.MAX_VALUE : MAX_QUERY_VALUE;
        for (String name : request.getParameters().names()) {
            Text.problem(name, RedirectReturnController.MAX_NAME_LENGTH).forEach(problem -> {
                throw refused("query parameter names", problem);
            });
            for (String value : request.getParameters().getAll(name)) {
                Text.problem(value, maxValue).forEach(problem -> {
                    throw refused(Text.printable(name), problem);
                });
            }
        }
    }

    private static void checkBody(HttpRequest<?> request, @Nullable byte[] body) {
        if (body == null || body.length == 0) {
            return;
        }
        String text = Text.decodeUtf8(body).getOrElseThrow(() ->
                ApiErrors.invalid("Json deserialize error: the request body is not valid UTF-8"));
        if (routedTo(request, WebhooksController.class)) {
            return;
        }
        if (routedTo(request, RedirectReturnController.class)) {
            // a form, whose values are percent-encoded like a query's
            String form = Text.decodeUtf8(Text.percentDecoded(text, true)).getOrElseThrow(() ->
                    refused("form", "is not valid UTF-8 once percent-decoded"));
            if (form.indexOf('\0') >= 0) {
                throw refused("form", Text.NUL);
            }
            return;
        }
        JsonLimits.check(text).forEach(error -> {
            throw ApiErrors.invalid(List.of(error), false);
        });
    }

    private static boolean routedTo(HttpRequest<?> request, Class<?> controller) {
        return RouteAttributes.getRouteMatch(request)
                .filter(match -> match instanceof MethodBasedRouteMatch<?, ?> method
                        && method.getDeclaringType() == controller)
                .isPresent();
    }

    private static ApiException refused(String where, String problem) {
        return ApiErrors.invalid(List.of(new FieldError(where, problem)), false);
    }
}
