package dev.tender.app.api;

import dev.tender.app.auth.Access;
import dev.tender.app.auth.AccessLevel;
import dev.tender.app.http.ApiErrors;
import dev.tender.app.http.ApiException;
import dev.tender.application.Tender;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.Redirect;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.in.FieldError;
import dev.tender.ports.in.Fields;
import dev.tender.ports.in.VerifyRedirectUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import io.vavr.control.Validation;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The customer's browser back from a redirect (3DS, a bank page), at the return URL Tender gave the
 * connector: Hyperswitch's {@code /payments/{payment_id}/{merchant_id}/redirect/complete/{connector}}
 * (and {@code …/redirect/response/{connector}}, handled alike), by GET or by POST of a form, as the
 * processor's page sends it.
 *
 * <p><b>No api-key</b>: a browser has none. The return is authenticated by Tender's signature over the
 * path's three names ({@code ApiKeyFilter} lets these routes, and no other, through without a key). Its
 * parameters — the query's and the form's — go to {@link VerifyRedirectUseCase}, which refuses a forged,
 * tampered, stale or replayed return before anything changes.
 *
 * <p>The answer: the processor's next page when it asks for another step; else a 302 to the merchant's
 * {@code return_url} with {@code payment_id} and {@code status} added; else, with no {@code return_url},
 * {@code {"payment_id","status"}}. A refused return is a 4xx in Hyperswitch's error shape, never a redirect.
 */
@Controller("/payments/{payment_id}/{merchant_id}/redirect")
@Access(AccessLevel.PUBLIC)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RedirectReturnController {

    static final int MAX_PARAMETERS = 100;
    static final int MAX_NAME_LENGTH = 255;

    private final Tender tender;

    public RedirectReturnController(Tender tender) {
        this.tender = tender;
    }

    @Get(uris = {"/response/{connector}", "/complete/{connector}"})
    public HttpResponse<?> returnedByGet(HttpRequest<?> request, @PathVariable("payment_id") String paymentId,
                                         @PathVariable("merchant_id") String merchantId,
                                         @PathVariable("connector") String connector) {
        // Micronaut answers HEAD with the GET route: a link checker's HEAD must not use the return up
        if (request.getMethod() == HttpMethod.HEAD) {
            throw new ApiException(405, "IR_03", "The HTTP method is not applicable for this API", false);
        }
        return returned(request, paymentId, merchantId, connector, null);
    }

    /** A processor's page posts a form; a body of any other type is refused rather than misread. */
    @Post(uris = {"/response/{connector}", "/complete/{connector}"}, consumes = MediaType.ALL)
    public HttpResponse<?> returnedByPost(HttpRequest<?> request, @PathVariable("payment_id") String paymentId,
                                          @PathVariable("merchant_id") String merchantId,
                                          @PathVariable("connector") String connector,
                                          @Nullable @Body String form) {
        boolean isForm = request.getContentType()
                .filter(type -> type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).isPresent();
        if (form != null && !form.isEmpty() && !isForm) {
            throw invalid("the body must be a form (" + MediaType.APPLICATION_FORM_URLENCODED + ")");
        }
        return returned(request, paymentId, merchantId, connector, form);
    }

    private HttpResponse<?> returned(HttpRequest<?> request, String paymentId, String merchantId, String connector,
                                     @Nullable String form) {
        Validation<FieldError, PaymentId> payment = Fields.payment(paymentId);
        Validation<FieldError, MerchantId> merchant = Fields.merchant(merchantId);
        if (payment.isInvalid() || merchant.isInvalid()) {
            // no signature can cover an invalid id: answered as any forged return
            throw ApiErrors.of(new ApplicationError.RedirectRejected("the return URL names no payment"));
        }
        VerifyRedirectUseCase.Returned returned = tender.redirects().verify(new VerifyRedirectUseCase.Return(
                merchant.get(), payment.get(), connector, parameters(request, form))).getOrElseThrow(ApiErrors::of);
        Option<Redirect> next = returned.nextStep().filter(RedirectReturnController::isWeb);
        if (next.isDefined() && NextStepPage.isGet(next.get())) {
            return found(NextStepPage.location(next.get()));
        }
        if (next.isDefined()) {
            return browserSafe(HttpResponse.ok(NextStepPage.form(next.get())).contentType(MediaType.TEXT_HTML_TYPE));
        }
        return returned.merchantUrl().<MutableHttpResponse<?>>map(RedirectReturnController::found)
                .getOrElse(() -> browserSafe(HttpResponse.ok(new RedirectReturnResponse(
                        returned.payment().id().value(), returned.payment().status().wireName()))
                        .contentType(MediaType.APPLICATION_JSON_TYPE)));
    }

    /**
     * The query's parameters and the form's, each name once: a name given twice (twice in the query, or in
     * both) is refused, so no reader of the return can take another value than the one verified.
     */
    private static Map<String, String> parameters(HttpRequest<?> request, @Nullable String form) {
        Map<String, String> all = LinkedHashMap.empty();
        for (String name : request.getParameters().names()) {
            List<String> values = request.getParameters().getAll(name);
            if (values.size() != 1) {
                throw invalid("parameter " + shorten(name) + " appears more than once");
            }
            all = all.put(name, values.get(0));
        }
        if (form != null && !form.isEmpty()) {
            for (String pair : form.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                String[] nameAndValue = pair.split("=", 2);
                String name = decode(nameAndValue[0]);
                if (all.containsKey(name)) {
                    throw invalid("parameter " + shorten(name) + " appears more than once");
                }
                all = all.put(name, nameAndValue.length == 2 ? decode(nameAndValue[1]) : "");
            }
        }
        if (all.size() > MAX_PARAMETERS || all.keySet().exists(name -> name.isEmpty() || name.length() > MAX_NAME_LENGTH)) {
            throw invalid("a return carries at most " + MAX_PARAMETERS + " parameters, named by 1 to "
                    + MAX_NAME_LENGTH + " characters");
        }
        return all;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw invalid("the form is not application/x-www-form-urlencoded");
        }
    }

    private static String shorten(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "…";
    }

    private static ApiException invalid(String message) {
        return new ApiException(400, "IR_06", "The redirect was rejected: " + message, false);
    }

    private static boolean isWeb(Redirect redirect) {
        String url = redirect.url().toLowerCase(Locale.ROOT);
        return url.startsWith("https://") || url.startsWith("http://");
    }

    private static MutableHttpResponse<?> found(String location) {
        return browserSafe(HttpResponse.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location));
    }

    /** The return URL carries a signature: kept out of caches and out of the next page's Referer. */
    private static <T> MutableHttpResponse<T> browserSafe(MutableHttpResponse<T> response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Referrer-Policy", "no-referrer");
    }
}
