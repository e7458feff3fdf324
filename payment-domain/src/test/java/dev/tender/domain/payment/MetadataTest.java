package dev.tender.domain.payment;

import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.tender.domain.payment.PaymentFixtures.T0;
import static dev.tender.domain.payment.PaymentFixtures.authorized;
import static dev.tender.domain.payment.PaymentFixtures.capture;
import static dev.tender.domain.payment.PaymentFixtures.confirmed;
import static dev.tender.domain.payment.PaymentFixtures.created;
import static dev.tender.domain.payment.PaymentFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** Metadata is replaced in every status, and nothing else of the payment changes with it. */
class MetadataTest {

    static Stream<Payment> payments() {
        return Stream.of(created(CaptureMethod.AUTOMATIC), confirmed(created(CaptureMethod.AUTOMATIC)),
                authorized(CaptureMethod.MANUAL), authorized(CaptureMethod.AUTOMATIC),
                capture(authorized(CaptureMethod.MANUAL), "tx_capture", usd(4_000), true));
    }

    @ParameterizedTest(name = "payment {index}")
    @MethodSource("payments")
    void metadataIsReplacedWithoutTouchingMoneyOrStatus(Payment before) {
        // given
        Map<String, String> metadata = HashMap.of("shipped", "yes");

        // when
        Payment after = before.replaceMetadata(metadata, T0.plusSeconds(3_600));

        // then
        assertThat(after.metadata()).isEqualTo(metadata);
        assertThat(after.status()).isEqualTo(before.status());
        assertThat(after.amount()).isEqualTo(before.amount());
        assertThat(after.authorized()).isEqualTo(before.authorized());
        assertThat(after.captured()).isEqualTo(before.captured());
        assertThat(after.transactions()).isEqualTo(before.transactions());
        assertThat(after.updatedAt()).isEqualTo(T0.plusSeconds(3_600));
    }
}
