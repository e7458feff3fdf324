package dev.tender.ports.in;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.Redirect;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The customer's browser is back from a redirect: verify the signed return (forged, tampered, stale and
 * replayed returns are refused and change nothing), then complete or fail the authorization.
 */
@FunctionalInterface
public interface VerifyRedirectUseCase {

    Either<ApplicationError, Returned> verify(Return customerReturn);

    /**
     * The browser's request to Tender's return URL: the merchant, payment and connector its path names,
     * and every parameter it carried (query and form), Tender's signature among them.
     */
    record Return(MerchantId merchantId, PaymentId paymentId, String connector, Map<String, String> parameters) {
        public Return {
            Objects.requireNonNull(merchantId, "merchantId");
            Objects.requireNonNull(paymentId, "paymentId");
            Objects.requireNonNull(connector, "connector");
            Objects.requireNonNull(parameters, "parameters");
        }
    }

    /** The payment once the return was handled, and the {@code return_url} the merchant gave, if any. */
    record Returned(Payment payment, Option<String> merchantReturnUrl) {
        public Returned {
            Objects.requireNonNull(payment, "payment");
            Objects.requireNonNull(merchantReturnUrl, "merchantReturnUrl");
        }

        /** The processor's next page, when it asks for another step (a 3DS2 challenge after the fingerprint). */
        public Option<Redirect> nextStep() {
            return payment.status() == PaymentStatus.REQUIRES_CUSTOMER_ACTION ? payment.nextAction() : Option.none();
        }

        /**
         * The merchant's return URL with {@code payment_id} and {@code status} added to its query: its other
         * parameters and its fragment are kept, parameters of those two names are replaced, so the merchant
         * never reads a status the URL carried before.
         */
        public Option<String> merchantUrl() {
            return merchantReturnUrl.map(url -> {
                int hash = url.indexOf('#');
                String fragment = hash < 0 ? "" : url.substring(hash);
                String withoutFragment = hash < 0 ? url : url.substring(0, hash);
                int question = withoutFragment.indexOf('?');
                String path = question < 0 ? withoutFragment : withoutFragment.substring(0, question);
                List<String> kept = question < 0 ? List.empty()
                        : List.of(withoutFragment.substring(question + 1).split("&"))
                        .filter(pair -> !pair.isEmpty())
                        .filter(pair -> !List.of("payment_id", "status").contains(name(pair)));
                List<String> added = List.of("payment_id=" + encode(payment.id().value()),
                        "status=" + encode(payment.status().wireName()));
                return path + "?" + kept.appendAll(added).mkString("&") + fragment;
            });
        }

        private static String name(String pair) {
            String name = pair.split("=", 2)[0];
            try {
                return URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badEscape) {
                return name;
            }
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }
}
