package dev.tender.app.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Hyperswitch's error body: {@code {"error":{"type":"invalid_request","code":"IR_04","message":"…"}}}.
 * The type is {@code invalid_request} for every 4xx and {@code api} for a 5xx, as Hyperswitch answers.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record ErrorResponse(Detail error) {

    @Serdeable
    public record Detail(String type, String code, String message) {
    }

    public static ErrorResponse of(int status, String code, String message) {
        return new ErrorResponse(new Detail(status >= 500 ? "api" : "invalid_request", code, message));
    }
}
