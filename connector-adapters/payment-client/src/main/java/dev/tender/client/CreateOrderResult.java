package dev.tender.client;

import dev.tender.domain.payment.Outcome;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * What the processor answered to create order. {@code orderReference} goes to
 * {@link AuthorizeRequest#withOrderReference}: the processor's order id, or — when a processor approves
 * without one, keeping the order under the call's own id — the request id.
 */
public record CreateOrderResult(Status status, Option<String> orderReference, Option<String> declineCode,
                                Option<String> message) {

    public enum Status {
        CREATED,
        PENDING,
        DECLINED,
        /** No usable answer, or one an order cannot have: ask with {@code get}. */
        UNKNOWN
    }

    public CreateOrderResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(orderReference, "orderReference");
        Objects.requireNonNull(declineCode, "declineCode");
        Objects.requireNonNull(message, "message");
    }

    static CreateOrderResult from(Outcome outcome, String requestId) {
        return switch (outcome) {
            case Outcome.Approved a -> new CreateOrderResult(Status.CREATED,
                    a.reference().orElse(Option.some(requestId)), Option.none(), Option.none());
            case Outcome.Declined d -> new CreateOrderResult(Status.DECLINED, Option.none(), Option.some(d.code()),
                    Option.some(d.message()));
            case Outcome.Pending p -> new CreateOrderResult(Status.PENDING, Option.none(), Option.none(),
                    Option.none());
            case Outcome.RequiresAction r -> new CreateOrderResult(Status.UNKNOWN, Option.none(), Option.none(),
                    Option.some(Outcomes.unexpectedAction("create order")));
            case Outcome.Unknown u -> new CreateOrderResult(Status.UNKNOWN, Option.none(), Option.none(),
                    Option.some(u.cause()));
        };
    }
}
