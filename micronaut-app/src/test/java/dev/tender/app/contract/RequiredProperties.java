package dev.tender.app.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.util.List;

/**
 * Makes the generated client refuse what its spec forbids and Jackson lets through: a model whose spec
 * {@code required} property is missing, or {@code null} where the spec does not say {@code nullable}.
 * The generator writes {@code @JsonProperty(required = true)} and {@code @Nonnull}/{@code @Nullable} on the
 * fields, but Jackson checks {@code required} on creator parameters only, and these models have setters.
 *
 * <p>Only the generated models are checked, so a failure names the Hyperswitch schema and property, and
 * Jackson's path says where in the answer it is.
 */
final class RequiredProperties extends SimpleModule {

    private final String modelPackage;

    RequiredProperties(String modelPackage) {
        super("RequiredProperties");
        this.modelPackage = modelPackage;
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean,
                                                          JsonDeserializer<?> deserializer) {
                if (!bean.getBeanClass().getPackageName().equals(RequiredProperties.this.modelPackage)) {
                    return deserializer;
                }
                List<Required> required = bean.findProperties().stream()
                        .filter(property -> property.getMetadata().isRequired())
                        .map(Required::of).toList();
                return required.isEmpty() ? deserializer : new Checked(deserializer, bean.getBeanClass(), required);
            }
        });
    }

    private record Required(String name, boolean nullable) {
        static Required of(BeanPropertyDefinition property) {
            AnnotatedField field = property.getField();
            boolean nullable = field != null
                    && field.getAnnotated().isAnnotationPresent(jakarta.annotation.Nullable.class);
            return new Required(property.getName(), nullable);
        }
    }

    private static final class Checked extends DelegatingDeserializer {

        private final Class<?> model;
        private final List<Required> required;

        Checked(JsonDeserializer<?> delegate, Class<?> model, List<Required> required) {
            super(delegate);
            this.model = model;
            this.required = required;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Checked(delegate, model, required);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = context.readTree(parser);
            if (tree.isObject()) {
                List<String> missing = required.stream().filter(property -> !tree.has(property.name()))
                        .map(Required::name).toList();
                List<String> nulls = required.stream()
                        .filter(property -> tree.path(property.name()).isNull() && !property.nullable())
                        .map(Required::name).toList();
                if (!missing.isEmpty() || !nulls.isEmpty()) {
                    return context.reportInputMismatch(model, "%s: required by the spec and missing %s, "
                            + "required, not nullable and null %s", model.getSimpleName(), missing, nulls);
                }
            }
            JsonParser again = tree.traverse(parser.getCodec());
            again.nextToken();
            return _delegatee.deserialize(again, context);
        }
    }
}
