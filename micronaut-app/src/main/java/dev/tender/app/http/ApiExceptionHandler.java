package dev.tender.app.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's one exception handler, answering in Hyperswitch's error shape: an {@link ApiException} with
 * its status, code and message; any other exception no more specific handler takes as a 500 with a generic
 * message, logged by its class and stack trace — never the request body, nor the exception's message.
 * Micronaut's own handlers (conversion errors, oversized bodies, …) are closer to their exceptions and keep
 * answering those; {@code ApiErrorResponseProcessor} gives their bodies the same shape.
 */
@Produces
@Singleton
public class ApiExceptionHandler implements ExceptionHandler<Exception, HttpResponse<ErrorResponse>> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    @SuppressWarnings("rawtypes")
    public HttpResponse<ErrorResponse> handle(HttpRequest request, Exception exception) {
        if (exception instanceof ApiException refused) {
            return ApiErrors.response(refused);
        }
        LOG.error("Unexpected failure of {} {}", request.getMethodName(), request.getPath(),
                Failures.withoutMessages(exception));
        return ApiErrors.response(ApiErrors.unexpected());
    }
}
