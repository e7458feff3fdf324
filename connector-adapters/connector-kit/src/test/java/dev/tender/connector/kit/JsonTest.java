package dev.tender.connector.kit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    record Charge(String id, long amount) {
    }

    @Test
    void fieldsTheConnectorDoesNotKnowAreIgnored() {
        // given
        String body = "{\"id\":\"ch_1\",\"amount\":1000,\"added_next_year\":{\"x\":1}}";

        // when
        Charge charge = Json.read(body, Charge.class);

        // then
        assertThat(charge).isEqualTo(new Charge("ch_1", 1000));
    }

    @Test
    void aBodyThatIsNotJsonIsUnreadableWithoutQuotingIt() {
        // given
        String body = "<html>4242424242424242</html>";

        // when / then
        assertThatThrownBy(() -> Json.read(body)).isInstanceOf(UnreadableAnswer.class)
                .hasMessage("body is not JSON");
        assertThatThrownBy(() -> Json.read("")).isInstanceOf(UnreadableAnswer.class);
        assertThatThrownBy(() -> Json.read(body, Charge.class)).isInstanceOf(UnreadableAnswer.class)
                .hasMessage("body is not a Charge");
    }

    @Test
    void aRequestBodyIsWrittenAsJson() {
        // given
        var body = Json.object().put("amount", 1000).put("currency", "usd");

        // when
        String json = Json.write(body);

        // then
        assertThat(json).isEqualTo("{\"amount\":1000,\"currency\":\"usd\"}");
        assertThat(Json.write(new Charge("ch_2", 5))).isEqualTo("{\"id\":\"ch_2\",\"amount\":5}");
    }
}
