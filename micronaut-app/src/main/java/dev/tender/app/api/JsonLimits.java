package dev.tender.app.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.tender.app.http.Text;
import dev.tender.ports.in.FieldError;
import io.vavr.control.Option;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The bounds of any JSON body, whatever reads it next: at most {@value #MAX_DEPTH} levels of objects and
 * arrays, strings of at most {@value #MAX_STRING} characters, and no NUL nor lone surrogate in any name or
 * value. The first problem is named by its field ({@code billing.address.line1}, {@code order_details[2]}).
 * A body that is not JSON at all is left to its reader, which says so.
 */
final class JsonLimits {

    /** Deep enough for every schema of the API (a few levels), far below what the encoder refuses (64). */
    static final int MAX_DEPTH = 32;
    /** The longest string of any field; fields have their own, smaller maxima. */
    static final int MAX_STRING = 16_384;
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonLimits() {
    }

    static Option<FieldError> check(String body) {
        try (JsonParser parser = FACTORY.createParser(body)) {
            int depth = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                Option<FieldError> problem = switch (token) {
                    case START_OBJECT, START_ARRAY -> ++depth > MAX_DEPTH
                            ? Option.some(new FieldError(path(parser.getParsingContext().getParent()),
                            "must not nest objects and arrays more than " + MAX_DEPTH + " levels deep"))
                            : Option.none();
                    case END_OBJECT, END_ARRAY -> {
                        depth--;
                        yield Option.none();
                    }
                    case FIELD_NAME -> Text.problem(parser.currentName(), MAX_STRING)
                            .map(p -> new FieldError(keyOf(parser.getParsingContext()), "keys " + p));
                    case VALUE_STRING -> Text.problem(parser.getText(), MAX_STRING)
                            .map(p -> new FieldError(path(parser.getParsingContext()), p));
                    default -> Option.none();
                };
                if (problem.isDefined()) {
                    return problem;
                }
            }
        } catch (IOException | RuntimeException notJson) {
            return Option.none(); // its reader answers that it is not JSON
        }
        return Option.none();
    }

    /** Where a value is: the names and array positions down to it. */
    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.addFirst("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.addFirst((c.getParent() != null && c.getParent().inRoot() ? "" : ".")
                        + Text.printable(c.getCurrentName()));
            }
        }
        String path = String.join("", parts);
        return path.isEmpty() ? "body" : path;
    }

    /** A key is named by the object that holds it: the key itself may be what cannot be shown. */
    private static String keyOf(JsonStreamContext context) {
        return context.getParent() == null || context.getParent().inRoot() ? "body" : path(context.getParent());
    }
}
