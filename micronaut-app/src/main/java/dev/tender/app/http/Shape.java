package dev.tender.app.http;

import io.micronaut.json.tree.JsonNode;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Predicate;

/**
 * The JSON kind a request property kept as sent ({@link JsonNode}) must have: Tender does not model it, but
 * it must be what Hyperswitch's schema says it is.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Shape {

    Kind value();

    enum Kind {
        ANY(node -> true, "must be JSON"),
        OBJECT(JsonNode::isObject, "must be an object"),
        ARRAY(JsonNode::isArray, "must be an array"),
        OBJECT_OR_STRING(node -> node.isObject() || node.isString(), "must be an object or a string");

        private final Predicate<JsonNode> accepts;
        public final String mustBe;

        Kind(Predicate<JsonNode> accepts, String mustBe) {
            this.accepts = accepts;
            this.mustBe = mustBe;
        }

        public boolean accepts(JsonNode node) {
            return accepts.test(node);
        }
    }
}
