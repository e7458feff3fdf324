package dev.tender.app.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a request body into its typed record: each component of the record is a property of the request,
 * named in snake case, read with the rule its type gives ({@link JsonBody}: a string, an integer that fits,
 * true or false, an array of strings, metadata (or another map of scalars, {@link MapLimits}), a nested
 * record, or JSON of a {@link Shape}), then checked by Bean Validation against the record's constraints
 * ({@code @Size}, …), so that every problem of the body is named by its field at once and a property no
 * component names is refused as unknown. The record is the request's schema: nothing else lists its fields.
 */
@Singleton
public class RequestBinder {

    private final Validator validator;

    public RequestBinder(Validator validator) {
        this.validator = validator;
    }

    /**
     * The body as the record. A field of the wrong kind reads as absent, with its error in the body; a
     * constraint the record breaks is an error in the body too (reported when the body is finished).
     */
    public <T> T read(JsonBody body, Class<T> type) {
        T value = bind(body, type);
        for (ConstraintViolation<T> violation : validator.validate(value)) {
            String path = path(violation.getPropertyPath());
            if (!body.failed(path)) {
                body.error(path, message(violation));
            }
        }
        return value;
    }

    /** {@code paymentMethodData.card.cardHolderName} → {@code payment_method_data.card.card_holder_name}. */
    private static String path(Path path) {
        StringBuilder names = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getName() != null) {
                names.append(names.isEmpty() ? "" : ".").append(snakeCase(node.getName()));
            }
        }
        return names.toString();
    }

    /** In the words the rest of the API uses. */
    private static String message(ConstraintViolation<?> violation) {
        if (violation.getConstraintDescriptor().getAnnotation() instanceof Size size) {
            return size.min() == 0 ? "must be at most " + size.max() + " characters"
                    : "must be " + size.min() + " to " + size.max() + " characters";
        }
        return violation.getMessage();
    }

    /** The body as the record, each property read by its type's rule; no constraint is checked. */
    public static <T> T bind(JsonBody body, Class<T> type) {
        @SuppressWarnings("unchecked")
        Schema<T> schema = (Schema<T>) SCHEMAS.get(type);
        Object[] values = new Object[schema.properties().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = schema.properties().get(i).reader().apply(body);
        }
        return schema.introspection().instantiate(false, values);
    }

    /** The request properties a record reads, in its order. */
    public static List<String> properties(Class<?> type) {
        return SCHEMAS.get(type).properties().stream().map(Property::name).toList();
    }

    /** A record's properties and how each is read, worked out once per record type. */
    private record Schema<T>(BeanIntrospection<T> introspection, List<Property> properties) {
    }

    private record Property(String name, Function<JsonBody, Object> reader) {
    }

    private static final ClassValue<Schema<?>> SCHEMAS = new ClassValue<>() {
        @Override
        protected Schema<?> computeValue(Class<?> type) {
            return schema(type);
        }
    };

    private static <T> Schema<T> schema(Class<T> type) {
        BeanIntrospection<T> introspection = BeanIntrospection.getIntrospection(type);
        List<Property> properties = new ArrayList<>();
        for (Argument<?> argument : introspection.getConstructorArguments()) {
            String name = wireName(argument);
            properties.add(new Property(name, reader(name, argument)));
        }
        return new Schema<>(introspection, List.copyOf(properties));
    }

    private static Function<JsonBody, Object> reader(String name, Argument<?> argument) {
        Class<?> type = argument.getType();
        AnnotationMetadata metadata = argument.getAnnotationMetadata();
        if (type == String.class) {
            return body -> body.string(name);
        }
        if (type == Long.class) {
            return body -> body.integer(name);
        }
        if (type == Boolean.class) {
            return body -> body.bool(name);
        }
        if (type == List.class) {
            return body -> body.strings(name);
        }
        if (type == Map.class) {
            if (metadata.hasAnnotation(MapLimits.class)) {
                int keys = metadata.intValue(MapLimits.class, "keys").orElseThrow();
                int keyLength = metadata.intValue(MapLimits.class, "keyLength").orElseThrow();
                int valueLength = metadata.intValue(MapLimits.class, "valueLength").orElseThrow();
                return body -> body.stringMap(name, keys, keyLength, valueLength);
            }
            return body -> body.metadata(name);
        }
        if (type == JsonNode.class) {
            Shape.Kind kind = metadata.enumValue(Shape.class, Shape.Kind.class).orElse(Shape.Kind.ANY);
            return body -> body.value(name, kind);
        }
        if (BeanIntrospector.SHARED.findIntrospection(type).isPresent()) {
            return body -> {
                JsonBody nested = body.object(name);
                return nested == null ? null : bind(nested, type);
            };
        }
        throw new IllegalStateException("No request rule for " + type.getName() + " " + name);
    }

    /** Its {@code @JsonProperty}, else its name in snake case: {@code cardExpMonth} → {@code card_exp_month}. */
    public static String wireName(Argument<?> argument) {
        return argument.getAnnotationMetadata().stringValue(JsonProperty.class)
                .orElseGet(() -> snakeCase(argument.getName()));
    }

    private static String snakeCase(String component) {
        StringBuilder name = new StringBuilder(component.length() + 8);
        for (char c : component.toCharArray()) {
            if (Character.isUpperCase(c)) {
                name.append('_').append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }
}
