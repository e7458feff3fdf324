package dev.tender.connector.kit;

import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.DeclineCodes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeclineCodeMapTest {

    private final DeclineCodeMap codes = DeclineCodeMap.otherwise(DeclineCodes.CARD_DECLINED)
            .map("insufficient_funds", DeclineCodes.INSUFFICIENT_FUNDS)
            .map("51", DeclineCodes.INSUFFICIENT_FUNDS)
            .map("Lost_Card", DeclineCodes.LOST_CARD);

    @Test
    void aKnownProcessorCodeIsUnifiedIgnoringCase() {
        // given
        String processorCode = "LOST_CARD";

        // when
        String unified = codes.unify(processorCode);

        // then
        assertThat(unified).isEqualTo(DeclineCodes.LOST_CARD);
        assertThat(codes.unify("51")).isEqualTo(DeclineCodes.INSUFFICIENT_FUNDS);
    }

    @Test
    void anUnknownOrMissingProcessorCodeIsTheFallbackRefusal() {
        // given
        String processorCode = "pickup_card_special_condition";

        // when
        String unified = codes.unify(processorCode);

        // then
        assertThat(unified).isEqualTo(DeclineCodes.CARD_DECLINED);
        assertThat(codes.unify(null)).isEqualTo(DeclineCodes.CARD_DECLINED);
    }

    @Test
    void theDeclineKeepsTheProcessorsCodeAndMasksAnEchoedCardNumber() {
        // given
        String message = "Card 4000 0000 0000 9995 has insufficient funds";

        // when
        Outcome.Declined declined = codes.declined("51", message);

        // then
        assertThat(declined).isEqualTo(new Outcome.Declined(DeclineCodes.INSUFFICIENT_FUNDS,
                "Card ************9995 has insufficient funds [51]"));
    }

    @Test
    void aDeclineWithoutMessageSaysWhoDeclined() {
        // given
        String message = " ";

        // when
        Outcome.Declined declined = codes.declined(null, message);

        // then
        assertThat(declined).isEqualTo(new Outcome.Declined(DeclineCodes.CARD_DECLINED, "declined by the processor"));
    }
}
