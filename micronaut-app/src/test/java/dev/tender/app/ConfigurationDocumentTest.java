package dev.tender.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/configuration.md lists every {@code tender.*} property the service reads. */
class ConfigurationDocumentTest {

    private static final Path GUIDE = Path.of("..", "docs", "configuration.md");
    private static final Path MAIN = Path.of("src", "main");
    /** {@code ${tender.x:default}} in @Value and @Scheduled, {@code property = "tender.x"} in @Requires. */
    private static final Pattern READ =
            Pattern.compile("\\$\\{(tender\\.[a-z0-9.-]+)|property = \"(tender\\.[a-z0-9.-]+)\"");

    @Test
    void everyPropertyTheServiceReadsIsDocumented() throws IOException {
        Set<String> read = propertiesReadBy(MAIN);
        String guide = Files.readString(GUIDE);

        assertThat(read).as("properties found in the code")
                .contains("tender.admin-api-key", "tender.reconciler.schedule");
        assertThat(read).allSatisfy(name -> assertThat(guide).as("docs/configuration.md lists " + name)
                .contains("`" + name + "`"));
    }

    private static Set<String> propertiesReadBy(Path root) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                Matcher matcher = READ.matcher(read(file));
                while (matcher.find()) {
                    names.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                }
            });
        }
        return names;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
