package dev.tender.connector.kit;

import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormEncodingTest {

    @Test
    void fieldsAreEncodedInTheirOrderWithReservedCharactersEscaped() {
        // given
        Map<String, String> fields = LinkedHashMap.of("amount", "1000", "description", "Tee & cap = 2",
                "metadata[note]", "café");

        // when
        String body = FormEncoding.encode(fields);

        // then
        assertThat(body).isEqualTo("amount=1000&description=Tee+%26+cap+%3D+2&metadata%5Bnote%5D=caf%C3%A9");
    }

    @Test
    void aBodyDecodesToTheFieldsItWasEncodedFrom() {
        // given
        Map<String, String> fields = LinkedHashMap.of("b", "2", "a", "x y&z", "empty", "");

        // when
        Map<String, String> decoded = FormEncoding.decode(FormEncoding.encode(fields));

        // then
        assertThat(decoded.toList().toJavaList()).isEqualTo(fields.toList().toJavaList());
    }

    @Test
    void aFieldWithoutValueIsEmptyAndAnEmptyBodyHasNoFields() {
        // given
        String body = "status=ok&flag&&code=05";

        // when
        Map<String, String> decoded = FormEncoding.decode(body);

        // then
        assertThat(decoded.toJavaMap()).containsExactly(
                java.util.Map.entry("status", "ok"), java.util.Map.entry("flag", ""), java.util.Map.entry("code", "05"));
        assertThat(FormEncoding.decode("").isEmpty()).isTrue();
    }
}
