package dev.tender.domain.payment.properties;

import java.math.BigInteger;

/** An amount in a generated command: fixed, a share of what the payment allows, or in another currency. */
sealed interface Amount {

    /** Minor units; may be zero, negative or huge. */
    record Fixed(long minor) implements Amount {
    }

    /** {@code percent} of the limit that applies (capturable, refundable, authorized): 0 to 150 %. */
    record Share(int percent) implements Amount {
    }

    record Foreign(long minor) implements Amount {
    }

    default long resolve(long limit) {
        return switch (this) {
            case Fixed f -> f.minor();
            case Foreign f -> f.minor();
            case Share s -> BigInteger.valueOf(limit).multiply(BigInteger.valueOf(s.percent()))
                    .divide(BigInteger.valueOf(100)).min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
        };
    }
}
