package dev.tender.domain.payment.properties;

import dev.tender.domain.payment.CaptureMethod;
import io.vavr.collection.List;

/** A fresh payment (capture method, amount, currency, method, mandate setup) and what happens to it. */
record Scenario(CaptureMethod captureMethod, long amount, String currency, boolean withMethod,
                boolean mandateSetup, List<Step> steps) {

    @Override
    public String toString() {
        return "create(" + captureMethod + ", " + amount + " " + currency + (withMethod ? ", card" : "")
                + (mandateSetup ? ", mandate setup" : "") + ")" + steps.mkString("\n  then ", "\n  then ", "");
    }
}
