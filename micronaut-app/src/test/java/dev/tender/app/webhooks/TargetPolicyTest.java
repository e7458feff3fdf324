package dev.tender.app.webhooks;

import io.vavr.control.Either;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which webhook URLs are taken. Hosts are IP literals (and {@code .invalid}, which never resolves), so that no
 * test needs DNS.
 */
class TargetPolicyTest {

    private final TargetPolicy policy = new TargetPolicy(false);

    @Nested
    class APublicTarget {

        @ParameterizedTest
        @ValueSource(strings = {"https://93.184.216.34/webhooks", "http://93.184.216.34:8080/hook?shop=1",
                "HTTPS://93.184.216.34/", "https://[2606:2800:220:1:248:1893:25c8:1946]/hook"})
        void isTakenAsSent(String url) {
            // when
            Either<String, URI> checked = policy.check(url);

            // then
            assertThat(checked.isRight()).as(String.valueOf(checked)).isTrue();
            assertThat(checked.get()).isEqualTo(URI.create(url));
        }
    }

    @Nested
    class AnAddressOnlyTheServiceCanReach {

        @ParameterizedTest
        @CsvSource({
                "http://127.0.0.1/hook, a loopback address",
                "http://127.8.9.10/hook, a loopback address",
                "http://localhost/hook, a loopback address",
                "http://[::1]/hook, a loopback address",
                "http://10.1.2.3/hook, a private address",
                "http://172.16.0.1/hook, a private address",
                "http://172.31.255.254/hook, a private address",
                "http://192.168.1.1/hook, a private address",
                "http://[fc00::1]/hook, a private address",
                "http://[fd12:3456::1]/hook, a private address",
                "http://[fec0::1]/hook, a private address",
                "http://169.254.169.254/latest/meta-data/, the cloud metadata address",
                "http://169.254.1.1/hook, a link-local address",
                "http://[fe80::1]/hook, a link-local address",
                "http://0.0.0.0/hook, an unspecified (any-local) address",
                "http://[::]/hook, an unspecified (any-local) address",
                "http://224.0.0.1/hook, a multicast address",
                "http://[ff02::1]/hook, a multicast address",
                "http://100.64.0.1/hook, a reserved or shared address",
                "http://255.255.255.255/hook, a reserved or shared address",
                "http://[::ffff:127.0.0.1]/hook, a loopback address",
                "http://[::ffff:10.0.0.1]/hook, a private address",
                "http://[::ffff:169.254.169.254]/hook, the cloud metadata address",
                "http://[::ffff:7f00:1]/hook, a loopback address",
                "http://[::127.0.0.1]/hook, a loopback address",
                "http://[64:ff9b::a9fe:a9fe]/hook, the cloud metadata address",
                "http://2130706433/hook, a loopback address"})
        void isRefusedNamingWhy(String url, String why) {
            // when
            Either<String, URI> checked = policy.check(url);

            // then
            assertThat(checked.isLeft()).as(url).isTrue();
            assertThat(checked.getLeft()).startsWith("must not target " + why);
        }

        @Test
        void isTakenWhenPrivateTargetsAreAllowed() {
            // given
            TargetPolicy allowing = new TargetPolicy(true);

            // when / then
            assertThat(allowing.check("http://127.0.0.1:8080/hook").isRight()).isTrue();
            assertThat(allowing.check("http://[::1]:8080/hook").isRight()).isTrue();
            assertThat(allowing.check("http://169.254.169.254/").isRight()).isTrue();
        }

        @Test
        void allowingPrivateTargetsLiftsNoOtherRule() {
            // given
            TargetPolicy allowing = new TargetPolicy(true);

            // when / then
            assertThat(allowing.check("ftp://127.0.0.1/hook").getLeft())
                    .isEqualTo("must be an absolute http or https URL");
            assertThat(allowing.check("http://user:pw@127.0.0.1/hook").getLeft()).startsWith("must not carry");
            assertThat(allowing.check("http://nowhere.invalid/hook").getLeft()).startsWith("does not resolve");
        }
    }

    @Nested
    class AMalformedUrl {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "ftp://93.184.216.34/hook | must be an absolute http or https URL",
                "file:///etc/passwd | must be an absolute http or https URL",
                "javascript:alert(1) | must be an absolute http or https URL",
                "gopher://93.184.216.34:25/ | must be an absolute http or https URL",
                "/relative/hook | must be an absolute http or https URL",
                "www.ekart.com/webhooks | must be an absolute http or https URL",
                "'   ' | must be an absolute http or https URL",
                "http:// 93.184.216.34/ | is not a valid URL",
                "http://93.184.216.34/a b | is not a valid URL",
                "https:// | is not a valid URL",
                "http:/hook | must name a valid host",
                "http://exa_mple.com/hook | must name a valid host",
                "http://0x7f.1/hook | must name a valid host",
                "http://127.1/hook | must name a valid host",
                "https://user:secret@93.184.216.34/hook | must not carry a user name or password "
                        + "(use webhook_username and webhook_password)",
                "https://user@93.184.216.34/hook | must not carry a user name or password "
                        + "(use webhook_username and webhook_password)",
                "https://nowhere.invalid/hook | does not resolve: its host nowhere.invalid has no address"})
        void isRefusedNamingWhy(String url, String why) {
            // when
            Either<String, URI> checked = policy.check(url);

            // then
            assertThat(checked.isLeft()).as(url).isTrue();
            assertThat(checked.getLeft()).isEqualTo(why);
        }

        @Test
        void neverQuotesTheUserInfo() {
            // when
            String why = policy.check("https://user:TOP_SECRET@93.184.216.34/hook").getLeft();

            // then
            assertThat(why).doesNotContain("TOP_SECRET").doesNotContain("user:");
        }
    }

    @Nested
    class HostileInput {

        @ParameterizedTest
        @ValueSource(strings = {"http://93.184.216.34/hook\u0000", "http://127.0.0.1\u0000.example.com/",
                "http://93.184.216.34/a\r\nX-Injected: 1", "http://93.184.216.34/\t", "http://93.184.216.34/\u007f",
                "http://93.184.216.34/%00", "http://127.0.0.1%00.example.com/", "http://93.184.216.34/%0d%0aX: 1",
                "http://93.184.216.34/%7F"})
        void controlCharactersRawOrEncodedAreRefused(String url) {
            // when
            Either<String, URI> checked = policy.check(url);

            // then
            assertThat(checked.getLeft()).isEqualTo("must not contain control characters");
        }

        @Test
        void aUrlLongerThan2048CharactersIsRefusedBeforeAnyLookup() {
            // given
            String prefix = "https://93.184.216.34/";
            String atLimit = prefix + "a".repeat(TargetPolicy.MAX_LENGTH - prefix.length());
            String tooLong = "https://" + "a".repeat(100_000) + ".invalid/";

            // when / then
            assertThat(policy.check(atLimit).isRight()).isTrue();
            assertThat(policy.check(atLimit + "a").getLeft()).isEqualTo("must be at most 2048 characters");
            assertThat(policy.check(tooLong).getLeft()).isEqualTo("must be at most 2048 characters");
        }

        @Test
        void nothingIsNotAUrl() {
            // when / then
            assertThat(policy.check(null).getLeft()).isEqualTo("must be an absolute http or https URL");
            assertThat(policy.check("").getLeft()).isEqualTo("must be an absolute http or https URL");
        }
    }
}
