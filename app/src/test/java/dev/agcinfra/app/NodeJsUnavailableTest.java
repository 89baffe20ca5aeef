package dev.agcinfra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without Node.js, a synth says what to install, in one line, and writes nothing. */
class NodeJsUnavailableTest {

    @TempDir
    Path dir;

    private String[] synthInOwnJvm(Map<String, String> env) throws Exception {
        Files.writeString(dir.resolve("agc.yaml"), "account: \"123456789012\"\nregions:\n  us-east-1: {}\n");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SynthRun.class.getName(), dir.toString(), "code", "--force");
        pb.environment().remove("JSII_RUNTIME");
        pb.environment().putAll(env);
        pb.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String[] {String.valueOf(p.exitValue()), Files.readString(dir.resolve("err.txt"))};
    }

    @Test
    void aMissingNodeProgramIsOneLineNamingItAndTheFixWithExitTwo() throws Exception {
        String[] run = synthInOwnJvm(Map.of("JSII_NODE", dir.resolve("no-node-here").toString()));

        assertThat(run[0]).isEqualTo("2");
        assertThat(run[1]).contains("agc-infra: cannot start Node.js (" + dir.resolve("no-node-here") + ")",
                "install Node.js 20 or newer", "JSII_NODE").doesNotContain("internal error", "\tat ");
        assertThat(dir.resolve("cdktf.out")).doesNotExist();
    }

    @Test
    void aKernelCommandThatCannotStartIsReportedTheSameWay() throws Exception {
        String[] run = synthInOwnJvm(Map.of("JSII_RUNTIME", "exec " + dir.resolve("no-node-here") + " kernel.js"));

        assertThat(run[0]).isEqualTo("2");
        assertThat(run[1]).contains("agc-infra: cannot start Node.js", "Child process exited unexpectedly")
                .doesNotContain("internal error");
        assertThat(dir.resolve("cdktf.out")).doesNotExist();
    }
}
