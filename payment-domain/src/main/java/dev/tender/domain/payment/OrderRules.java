package dev.tender.domain.payment;

import io.vavr.collection.List;
import io.vavr.control.Option;

final class OrderRules {

    static final Rule<CreateOrder> CONNECTOR_SUPPORTS_ORDERS = (p, c) ->
            c.capabilities().contains(Capability.ORDERS)
                    ? Option.none()
                    : Option.some(Rejection.notSupported(Capability.ORDERS));

    static final Rule<CreateOrder> ONE_ORDER_PER_PAYMENT = (p, c) ->
            p.orderReference().isDefined()
                    ? Option.some(Rejection.precondition("An order was already created for this payment"))
                    : Option.none();

    static final List<Rule<CreateOrder>> ALL = List.of(Rule.allowedBy(Operation.CREATE_ORDER),
            Rule.nothingInFlight(Operation.CREATE_ORDER), Rule.unusedTransactionId(CreateOrder::transactionId),
            CONNECTOR_SUPPORTS_ORDERS, ONE_ORDER_PER_PAYMENT);

    private OrderRules() {
    }
}
