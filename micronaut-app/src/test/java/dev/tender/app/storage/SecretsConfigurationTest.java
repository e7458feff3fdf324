package dev.tender.app.storage;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.tender.app.storage.SecretKeyFixtures.randomKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The service's start and its secret keys: none, or one that is not 32 bytes, and it does not start;
 * keys given as environment variables are read under their lower-case ids.
 */
class SecretsConfigurationTest {

    private final SeparateDatabase database = SeparateDatabase.create("secrets_configuration");

    @Test
    void withoutKeysTheServiceRefusesToStartAndSaysHowToMakeOne() {
        assertThatThrownBy(() -> start(Map.of()))
                .hasStackTraceContaining("tender.secrets.keys is not set")
                .hasStackTraceContaining("openssl rand -base64 32");
    }

    @Test
    void aKeyThatIsNot32BytesIsAConfigurationErrorAtStart() {
        String key = randomKey(16);
        assertThatThrownBy(() -> start(Map.of("TENDER_SECRETS_KEYS_K1", key)))
                .hasStackTraceContaining("tender.secrets.keys.k1 is 16 bytes")
                .satisfies(failure -> assertThat(stackTrace(failure)).doesNotContain(key));
    }

    @Test
    void keysGivenAsEnvironmentVariablesAreReadUnderLowerCaseIds() {
        // when
        try (ApplicationContext service = start(Map.of("TENDER_SECRETS_KEYS_K2026A", randomKey(),
                "TENDER_SECRETS_KEYS_K2026B", randomKey(), "TENDER_SECRETS_ACTIVE_KEY", "k2026b"))) {
            // then
            SecretKeys keys = service.getBean(SecretKeys.class);
            assertThat(keys.ids()).containsExactly("k2026a", "k2026b");
            assertThat(keys.activeId()).isEqualTo("k2026b");
        }
    }

    /** A service over its own database, given these environment variables and no test configuration. */
    private ApplicationContext start(Map<String, Object> environmentVariables) {
        return ApplicationContext.builder().deduceEnvironment(false).properties(database.properties())
                .propertySources(PropertySource.of("environment", environmentVariables,
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .start();
    }

    private static String stackTrace(Throwable failure) {
        java.io.StringWriter text = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }
}
