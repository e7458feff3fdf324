package dev.tender.app.storage;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The adapters' JSON: what is written reads back the same, key order included. */
class JsonTest {

    @Test
    void nestedValuesReadBackAsWritten() {
        // given
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("z", "last key first");
        value.put("text", "quote \" backslash \\ slash / newline \n tab \t cr \r bell \u0007 nul \u0000 ✓ 😀 \u2028");
        value.put("long", Long.MIN_VALUE);
        value.put("decimal", new BigDecimal("12.50"));
        value.put("flags", new ArrayList<>(Arrays.asList(true, false, null)));
        value.put("nested", new LinkedHashMap<>(Map.of("empty", new ArrayList<>())));
        value.put("", "empty key");

        // when
        String json = Json.write(value);

        // then
        assertThat(Json.read(json)).isEqualTo(value);
        assertThat(List.copyOf(Json.readObject(json).keySet())).containsExactly("z", "text", "long", "decimal",
                "flags", "nested", "");
        assertThat(json).doesNotContain("\n").doesNotContain("\u0000");
    }

    @Test
    void whatOthersWriteIsReadToo() {
        assertThat(Json.read(" { \"a\" : [ 1 , -2.5e1 , \"\\u00e9\\/\" ] , \"b\" : { } } "))
                .isEqualTo(Map.of("a", List.of(1L, new BigDecimal("-2.5e1"), "é/"), "b", Map.of()));
        assertThat(Json.read("123456789012345678901234567890")).isEqualTo(new BigDecimal("123456789012345678901234567890"));
    }

    @Test
    void malformedTextIsRefused() {
        for (String bad : List.of("", "{", "{\"a\" 1}", "[1,]", "\"open", "tru", "{} x", "{1:2}", "\"\\x\"")) {
            assertThatThrownBy(() -> Json.read(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void onlyPlainValuesAreWritten() {
        assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class);
    }
}
