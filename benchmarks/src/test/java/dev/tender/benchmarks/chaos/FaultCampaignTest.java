package dev.tender.benchmarks.chaos;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short fault campaign, run by {@code mvn verify} (the long one is {@code mvn -Pchaos}): 150 payment
 * flows by 8 merchant clients against two instances of the packaged service, faults on 20 % of the
 * processor's calls, two {@code kill -9}. It fails on any discrepancy; the report lists each one.
 */
class FaultCampaignTest {

    @Test
    void tenderAndTheProcessorAgreeOnEveryPaymentAfterFaultsAndKills() throws Exception {
        // given
        CampaignOptions options = CampaignOptions.shortForm(Campaign.root());
        // when
        CampaignReport report = new Campaign(options).run();
        System.out.println(report.text());
        // then: the campaign was as hostile as promised
        assertThat(report.flows()).isGreaterThanOrEqualTo(options.flows());
        assertThat(report.kills()).isGreaterThanOrEqualTo(options.minKills());
        assertThat(report.faultsInjected()).isGreaterThanOrEqualTo(report.processorCalls() / 10);
        // and Tender agrees with the processor's ledger
        assertThat(report.discrepancies()).as(report.text()).isZero();
    }
}
