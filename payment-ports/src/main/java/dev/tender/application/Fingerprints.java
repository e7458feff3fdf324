package dev.tender.application;

import dev.tender.ports.out.PaymentMethodData;
import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an idempotency key is bound to: a digest of the command as text (commands are records, so the
 * text lists every field) and of the payment method's full content, which the text masks.
 */
final class Fingerprints {

    private Fingerprints() {
    }

    static String of(String operation, Object command) {
        return digest(operation + "\n" + command);
    }

    /**
     * With the payment method's full content too: its text form is masked, and two cards or IBANs
     * that mask alike are different requests. Only the digest leaves this method.
     */
    static String of(String operation, Object command, Option<PaymentMethodData> method) {
        return digest(operation + "\n" + command + "\n" + method.map(Fingerprints::content).getOrElse(""));
    }

    private static String content(PaymentMethodData method) {
        return switch (method) {
            case PaymentMethodData.Card c -> "card:" + c.number() + ":" + c.expiryMonth() + ":" + c.expiryYear()
                    + ":" + c.cvc() + ":" + c.holderName().getOrElse("");
            case PaymentMethodData.StoredMandate m -> "mandate:" + m.mandateId() + ":" + m.connectorMandateReference();
            case PaymentMethodData.Other o -> "other:" + o.type() + ":" + o.fields().toSortedMap(k -> k, v -> v);
        };
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
