package dev.tender.app.api;

import dev.tender.application.Tender;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.core.type.MutableArgumentValue;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/**
 * Runs an {@link Idempotent} endpoint through {@link HttpIdempotency}, so that no endpoint carries the
 * {@code Idempotency-Key} handling in its own code: the endpoint method only answers the request.
 */
@Singleton
@InterceptorBean(Idempotent.class)
class IdempotentInterceptor implements MethodInterceptor<Object, Object> {

    private final HttpIdempotency idempotency;
    private final Tender tender;
    private final ApiResponses responses;
    private final JsonMapper json;

    IdempotentInterceptor(HttpIdempotency idempotency, Tender tender, ApiResponses responses, JsonMapper json) {
        this.idempotency = idempotency;
        this.tender = tender;
        this.responses = responses;
        this.json = json;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        HttpRequest<?> request = request(context);
        String body = argument(context, Body.class);
        Idempotent.Takeover kind = context.enumValue(Idempotent.class, Idempotent.Takeover.class)
                .orElse(Idempotent.Takeover.RUN_AGAIN);
        HttpIdempotency.Takeover takeover = switch (kind) {
            case RUN_AGAIN -> HttpIdempotency.Takeover.RUN_AGAIN;
            case CREATED_PAYMENT -> Takeovers.onCreatedPayment(tender, responses, json, request, body);
            case CREATED_REFUND -> Takeovers.onCreatedRefund(tender, responses, json, request, body);
            case PAYMENT -> Takeovers.onPayment(tender, responses, request, argument(context, PathVariable.class));
        };
        return idempotency.run(request, body, takeover, () -> (HttpResponse<?>) context.proceed());
    }

    /** The request the endpoint takes as a parameter, else the one being served. */
    private static HttpRequest<?> request(MethodInvocationContext<Object, Object> context) {
        for (MutableArgumentValue<?> value : context.getParameters().values()) {
            if (value.getValue() instanceof HttpRequest<?> request) {
                return request;
            }
        }
        return ServerRequestContext.currentRequest().orElseThrow(() -> new IllegalStateException(
                "@Idempotent outside an HTTP request: " + context.getExecutableMethod()));
    }

    /** The value of the method's one parameter with that annotation (a String: the raw body, a path id). */
    private static String argument(MethodInvocationContext<Object, Object> context,
                                   Class<? extends java.lang.annotation.Annotation> annotation) {
        for (MutableArgumentValue<?> value : context.getParameters().values()) {
            if (value.getAnnotationMetadata().hasAnnotation(annotation)) {
                return (String) value.getValue();
            }
        }
        return null;
    }
}
