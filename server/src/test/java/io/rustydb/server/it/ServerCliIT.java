package io.rustydb.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rusty-db-server --config FILE --validate}: checks the file and exits, never serves. */
class ServerCliIT {

    @TempDir
    Path tmp;

    @Test
    void shippedConfigurationIsValid() throws Exception {
        Result result = validate(RustyDbProcess.configFile());
        assertEquals(0, result.exit(), result.output());
    }

    @Test
    void nonNumericListenPortIsRejectedByName() throws Exception {
        Result result = validate(configWith("rustydb.server.listen_port = \"abc\""));
        assertNotEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("listen_port"), () -> "the key is not named:\n" + result.output());
    }

    @Test
    void pageSizeOutOfRangeIsRejectedByName() throws Exception {
        Result result = validate(configWith("rustydb.storage.page_size = 1000"));
        assertNotEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("page_size"), () -> "the key is not named:\n" + result.output());
    }

    @Test
    void healthThresholdsOutOfOrderAreRejectedByName() throws Exception {
        Result result = validate(configWith("rustydb.health_checks.memory.warning_threshold_percent = 95"));
        assertNotEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("health_checks.memory"), () -> "the key is not named:\n" + result.output());
    }

    @Test
    void badLoggingLevelAndFormatAreRejectedPrecisely() throws Exception {
        Result level = validate(configWith("rustydb.logging.level = \"LOUD\""));
        assertNotEquals(0, level.exit(), level.output());
        assertTrue(level.output().contains(
                "rustydb.logging.level must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, got \"LOUD\""),
                level.output());
        Result format = validate(configWith("rustydb.logging.format = \"xml\""));
        assertNotEquals(0, format.exit(), format.output());
        assertTrue(format.output().contains("rustydb.logging.format must be \"text\" or \"json\", got \"xml\""),
                format.output());
        Result component = validate(configWith("rustydb.logging.components.network = \"chatty\""));
        assertNotEquals(0, component.exit(), component.output());
        assertTrue(component.output().contains("rustydb.logging.components.network must be one of"),
                component.output());
    }

    private record Result(int exit, String output) {
    }

    /** The shipped configuration with {@code line} appended: a later HOCON value overrides. */
    private Path configWith(String line) throws IOException {
        String shipped = Files.readString(RustyDbProcess.configFile(), StandardCharsets.UTF_8);
        Path config = tmp.resolve("bad.conf");
        Files.writeString(config, shipped + "\n" + line + "\n", StandardCharsets.UTF_8);
        return config;
    }

    private Result validate(Path config) throws IOException, InterruptedException {
        Path output = tmp.resolve("validate.log");
        Process process = new ProcessBuilder(RustyDbProcess.javaCommand(List.of("--config", config.toString(),
                "--validate", "-Drustydb.storage.data_dir=" + tmp.resolve("data"))))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail("--validate did not exit within 60 s (is it serving?)\n" + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
