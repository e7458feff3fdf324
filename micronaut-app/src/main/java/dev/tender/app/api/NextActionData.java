package dev.tender.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** Where the customer must go next: {@code {"type":"redirect_to_url","redirect_to_url":"…"}}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable(naming = SnakeCaseStrategy.class)
public record NextActionData(@JsonProperty("type") String type, String redirectToUrl) {

    static NextActionData redirect(String url) {
        return new NextActionData("redirect_to_url", url);
    }
}
