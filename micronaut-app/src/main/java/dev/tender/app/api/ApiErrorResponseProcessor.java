package dev.tender.app.api;

import dev.tender.app.http.ApiErrors;
import dev.tender.app.http.ErrorResponse;
import dev.tender.app.http.JsonBody;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.stream.Collectors;

/**
 * Every error Micronaut answers by itself — unknown route, wrong method, oversized or unsupported body,
 * unconvertible parameter, an exception nothing handled — in Hyperswitch's error shape, never a stack
 * trace or an exception's message on a 5xx.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ApiErrorResponseProcessor implements ErrorResponseProcessor<ErrorResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorResponseProcessor.class);

    @Override
    public MutableHttpResponse<ErrorResponse> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.code();
        ErrorResponse body = switch (status) {
            case 404 -> ErrorResponse.of(404, "IR_02", "Unrecognized request URL");
            case 405 -> ErrorResponse.of(405, "IR_03", "The HTTP method is not applicable for this API");
            case 413 -> ErrorResponse.of(413, "IR_06", "The request body is too large");
            case 415 -> ErrorResponse.of(415, "IR_06", "The request body must be JSON (Content-Type: application/json)");
            case 401 -> ErrorResponse.of(401, "IR_01", "API key not provided or invalid API key used");
            case 403 -> ErrorResponse.of(403, "IR_22", "Access forbidden. Not authorized to access this resource");
            default -> status >= 500
                    ? ErrorResponse.of(status, "HE_00", ApiErrors.SOMETHING_WENT_WRONG)
                    : ErrorResponse.of(status, "IR_06", describe(context));
        };
        if (status >= 500) {
            // the cause's class only: its message may quote input
            LOG.error("{} {} answered {}: {}", context.getRequest().getMethod(), context.getRequest().getPath(), status,
                    context.getRootCause().map(c -> c.getClass().getName()).orElse("no cause"));
        }
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    }

    private static String describe(ErrorContext context) {
        // a parser's message may quote the body, card numbers included
        if (context.getRootCause().map(c -> c.getClass().getName()).filter(n -> n.contains("Json") || n.contains("Serde")
                || n.contains("Codec")).isPresent()) {
            return JsonBody.MALFORMED;
        }
        String messages = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        return messages.isBlank() ? "Invalid request" : messages;
    }
}
