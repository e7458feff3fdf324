package dev.tender.app.http;

import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.net.URISyntaxException;

/** Where a customer is sent back to: an absolute http(s) URL of at most 2048 characters. */
public final class ReturnUrl {

    public static final int MAX_LENGTH = 2048;

    private ReturnUrl() {
    }

    /** The URL if it is one; else null, with the field's error in the body. */
    @Nullable
    public static String checked(JsonBody body, String field, @Nullable String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (url.length() <= MAX_LENGTH && uri.isAbsolute() && uri.getHost() != null
                    && (uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                return url;
            }
        } catch (URISyntaxException invalid) {
            // reported below
        }
        body.error(field, "must be an absolute http or https URL of at most " + MAX_LENGTH + " characters");
        return null;
    }
}
