package dev.tender.connector.kit;

import dev.tender.domain.payment.Outcome;

/**
 * Reads a processor's answer (any status below 500) into an outcome: the only processor-specific
 * part of an exchange. It may throw on a body it cannot read; {@link ConnectorHttp#exchange} makes
 * that {@code Unknown}, because the processor answered and so may have acted.
 */
@FunctionalInterface
public interface AnswerMapper {
    Outcome map(HttpAnswer answer) throws Exception;
}
