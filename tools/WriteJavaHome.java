import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Writes the path of the java launcher that runs this file into a properties file, as {@code pit.jvm}.
 * Run by exec:exec, which follows the Maven toolchain, it tells PIT (which ignores toolchains) which
 * JDK to start its test minions with. Single-file source launch: {@code java WriteJavaHome.java out}.
 */
public class WriteJavaHome {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Properties properties = new Properties();
        properties.setProperty("pit.jvm", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        try (Writer writer = Files.newBufferedWriter(out)) {
            properties.store(writer, "JDK selected by the Maven toolchain");
        }
    }
}
