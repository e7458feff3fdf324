package dev.tender.app.api;

import dev.tender.app.http.ApiErrors;
import dev.tender.app.http.ErrorResponse;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any exception no more specific handler takes: a 500 in Hyperswitch's shape with a generic message,
 * logged by its class and stack trace — never the request body, nor the exception's message.
 * Micronaut's own handlers (conversion errors, oversized bodies, …) are closer to their exceptions and
 * keep answering those.
 */
@Produces
@Singleton
public class UnexpectedExceptionHandler implements ExceptionHandler<Exception, HttpResponse<ErrorResponse>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionHandler.class);

    @Override
    @SuppressWarnings("rawtypes")
    public HttpResponse<ErrorResponse> handle(HttpRequest request, Exception exception) {
        LOG.error("Unexpected failure of {} {}", request.getMethodName(), request.getPath(),
                Failures.withoutMessages(exception));
        return ApiErrors.response(ApiErrors.unexpected());
    }
}
