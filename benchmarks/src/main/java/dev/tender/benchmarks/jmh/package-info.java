/**
 * JMH benchmarks of what Tender costs besides the network and the database: the payment lifecycle on the
 * pure domain, each connector's request building and answer reading, and webhook signature checks.
 * Everything goes through the public API an embedder uses; the Stripe and Adyen connectors run over a
 * {@link java.net.http.HttpClient} that answers recorded bodies ({@link dev.tender.benchmarks.jmh.CannedHttpClient}),
 * so a call does all its work except sending bytes. Method and figures: {@code docs/benchmarks.md}.
 */
package dev.tender.benchmarks.jmh;
