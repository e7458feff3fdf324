/**
 * Tender's benchmarks: JMH measurements of the domain and of the connector transforms, and the end-to-end
 * load run against the packaged service and PostgreSQL ({@code benchmarks/run.sh}). Method, commands and
 * figures: {@code docs/benchmarks.md}.
 */
package dev.tender.benchmarks;
